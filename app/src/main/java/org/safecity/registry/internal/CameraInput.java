package org.safecity.registry.internal;

import java.time.LocalDate;

/**
 * A camera as a person sends it, in the API or as a file row, before it is checked. The site is named
 * by {@code siteId}, or by {@code siteName} with {@code city}.
 *
 * @param credentials      the stream username and password; left out, the stored ones are kept
 * @param clearCredentials true to remove stored credentials
 * @param lat              the camera's own position when it stands apart from its site's point
 */
record CameraInput(Long siteId, String siteName, String city, String name, String make, String model, String resolution,
                   String type, Integer heading, Integer fieldOfView, String mainStream, String subStream,
                   Credentials credentials, Boolean clearCredentials, String owner, Long partnerId, String status,
                   LocalDate installedOn, Double lat, Double lon) {

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }
}
