package org.safecity.registry.internal.cameras;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.LocalDate;

/**
 * A camera as a person sends it, in the API or as a file row, before it is checked. The site is named
 * by {@code siteId}, or by {@code siteName} with {@code city}.
 *
 * @param credentials      the stream username and password; left out, the stored ones are kept
 * @param clearCredentials true to remove stored credentials
 * @param installation     PLANNED, INSTALLED or FAULTY (also read from {@code status}, its name before
 *                         status became what is observed); ONLINE or OFFLINE cannot be set, only observed
 * @param lat              the camera's own position when it stands apart from its site's point
 * @param onvifAddress     the camera's ONVIF device service (http or https), through which a PTZ camera is steered;
 *                         it answers to the stream credentials
 */
public record CameraInput(Long siteId, String siteName, String city, String name, String make, String model, String resolution,
                   String type, Integer heading, Integer fieldOfView, String mainStream, String subStream,
                   Credentials credentials, Boolean clearCredentials, String owner, Long partnerId,
                   @JsonAlias("status") String installation,
                   LocalDate installedOn, Double lat, Double lon, String onvifAddress) {

    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }
    }
}
