package org.safecity.registry;

/** The username and password a camera's RTSP streams require; only ever held in memory. */
public record StreamCredentials(String username, String password) {

    @Override
    public String toString() {
        return "StreamCredentials[" + username + ", ****]";
    }
}
