package org.safecity.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where something was seen: the camera, its site, the city and police station area whose
 * jurisdiction it falls in, and the camera's point on the map. Worked out once where a thing is
 * recorded (the detection's intake) and carried with it, so that modules downstream neither ask the
 * registry again nor disagree about where it happened. In JSON the point is flat, {@code lat} and
 * {@code lon} beside the codes (null without a point), as every view of an alert or a sighting shows it.
 *
 * @param cameraName the camera's code, null when the camera was not known
 * @param siteName the camera's site, null when the camera was not known
 * @param cityCode the city whose jurisdiction it is, null when the camera was not known
 * @param zoneCode the police station area, null when the site has none
 * @param point where the camera stands, null when it has no position
 */
public record Placement(long cameraId, String cameraName, String siteName, String cityCode, String zoneCode,
                        @JsonIgnore GeoPoint point) {

    /** Only the camera's number: it is not (or no longer) in the registry. */
    public static Placement unknown(long cameraId) {
        return new Placement(cameraId, null, null, null, null, null);
    }

    /** From its JSON, where the point is two nullable numbers. */
    @JsonCreator
    static Placement fromJson(@JsonProperty("cameraId") long cameraId, @JsonProperty("cameraName") String cameraName,
                              @JsonProperty("siteName") String siteName, @JsonProperty("cityCode") String cityCode,
                              @JsonProperty("zoneCode") String zoneCode, @JsonProperty("lat") Double lat, @JsonProperty("lon") Double lon) {
        return new Placement(cameraId, cameraName, siteName, cityCode, zoneCode, lat == null || lon == null ? null : new GeoPoint(lat, lon));
    }

    /** The latitude, or null without a point. */
    @JsonProperty
    public Double lat() {
        return point == null ? null : point.lat();
    }

    /** The longitude, or null without a point. */
    @JsonProperty
    public Double lon() {
        return point == null ? null : point.lon();
    }
}
