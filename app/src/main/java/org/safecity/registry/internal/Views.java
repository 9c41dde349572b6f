package org.safecity.registry.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.cameras.Camera;
import org.safecity.registry.internal.places.City;
import org.safecity.registry.internal.places.Zone;
import org.safecity.registry.internal.presence.Observations;
import org.safecity.registry.internal.sites.Site;
import org.safecity.registry.internal.sites.SiteStore;

/** How the registry's records look in API answers. Passwords never appear; {@code hasCredentials} says whether one is stored. */
public final class Views {

    private Views() {
    }

    public record CityView(String code, String name, String districtHq, double lat, double lon) {
        public static CityView of(City c) {
            return new CityView(c.code(), c.name(), c.districtHq(), c.centre().lat(), c.centre().lon());
        }
    }

    public record ZoneView(long id, String cityCode, String code, String name, Double lat, Double lon, boolean retired,
                    Instant retiredAt, String retireReason) {
        public static ZoneView of(Zone z) {
            return new ZoneView(z.id(), z.cityCode(), z.code(), z.name(), z.centre() == null ? null : z.centre().lat(),
                z.centre() == null ? null : z.centre().lon(), z.retired(), z.retiredAt(), z.retireReason());
        }
    }

    public record SiteView(long id, String name, String kind, double lat, double lon, String cityCode, String city, String zoneCode,
                    int phase, String status, LocalDate surveyedOn, LocalDate installedOn, LocalDate commissionedOn,
                    long cameras, Observations.SiteUptime uptime, boolean retired, Instant retiredAt, String retireReason) {
        /** A site in a list: its uptime is given only when one site is asked for. */
        public static SiteView of(SiteStore.Listed listed) {
            return of(listed, null);
        }

        public static SiteView of(SiteStore.Listed listed, Observations.SiteUptime uptime) {
            Site s = listed.site();
            return new SiteView(s.id(), s.name(), s.kind().label(), s.location().lat(), s.location().lon(), s.cityCode(),
                listed.cityName(), s.zoneCode(), s.phase(), s.status().name(), s.surveyedOn(), s.installedOn(),
                s.commissionedOn(), listed.cameras(), uptime, s.retired(), s.retiredAt(), s.retireReason());
        }
    }

    /**
     * A camera. {@code status} is what SafeCity observes (ONLINE only while its video or detections arrive,
     * OFFLINE once heard and then silent, UNKNOWN when never heard); {@code installation} is what people
     * recorded (PLANNED, INSTALLED, FAULTY); {@code lastSeen} is when it was last heard from; {@code onvifAddress}
     * is the ONVIF device service a PTZ camera is steered through, or null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CameraView(long id, String name, long siteId, String siteName, String siteKind, String cityCode, String city,
                      String zoneCode, int phase, CameraType type, Observed status, CameraInstallation installation,
                      Observations.Uptime uptime, String make, String model,
                      String resolution, Integer heading, Integer fieldOfView, String mainStream, String subStream,
                      boolean hasCredentials, String owner, Long partnerId, LocalDate installedOn, Instant lastSeen,
                      double lat, double lon, boolean retired, Instant retiredAt, String retireReason, String onvifAddress) {
        public static CameraView of(Camera c, Observations.Observation seen) {
            return new CameraView(c.id(), c.name(), c.siteId(), c.siteName(), c.siteKind().label(), c.cityCode(), c.cityName(),
                c.zoneCode(), c.phase(), c.type(), seen.status(), c.installation(), seen.uptime(), c.make(), c.model(),
                c.resolution(), c.heading(), c.fieldOfView(), c.mainStream(), c.subStream(), c.hasCredentials(), c.owner().name(),
                c.partnerId(), c.installedOn(), seen.lastHeard(), c.location().lat(), c.location().lon(), c.retired(),
                c.retiredAt(), c.retireReason(), c.onvifAddress());
        }
    }

    /** A GeoJSON (RFC 7946) FeatureCollection; positions are [longitude, latitude]. */
    public record FeatureCollection(String type, List<Feature> features) {
        public static FeatureCollection of(List<Feature> features) {
            return new FeatureCollection("FeatureCollection", features);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Feature(String type, Object id, Point geometry,
                   @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS) Map<String, Object> properties) {
    }

    record Point(String type, double[] coordinates) {
        public static Point of(double lat, double lon) {
            return new Point("Point", new double[] {lon, lat});
        }
    }

    public static Feature feature(Camera c, Observations.Observation seen) {
        var p = new LinkedHashMap<String, Object>();
        p.put("id", c.id());
        p.put("name", c.name());
        p.put("siteId", c.siteId());
        p.put("siteName", c.siteName());
        p.put("siteKind", c.siteKind().label());
        p.put("cityCode", c.cityCode());
        p.put("city", c.cityName());
        p.put("zoneCode", c.zoneCode());
        p.put("phase", c.phase());
        p.put("type", c.type().name());
        p.put("status", seen.status().name());
        p.put("installation", c.installation().name());
        p.put("make", c.make());
        p.put("model", c.model());
        p.put("resolution", c.resolution());
        p.put("heading", c.heading());
        p.put("fieldOfView", c.fieldOfView());
        p.put("owner", c.owner().name());
        p.put("lastSeen", seen.lastHeard() == null ? null : seen.lastHeard().toString());
        return new Feature("Feature", c.id(), Point.of(c.location().lat(), c.location().lon()), p);
    }

    public static Feature feature(SiteStore.Listed listed) {
        Site s = listed.site();
        var p = new LinkedHashMap<String, Object>();
        p.put("id", s.id());
        p.put("name", s.name());
        p.put("kind", s.kind().label());
        p.put("cityCode", s.cityCode());
        p.put("city", listed.cityName());
        p.put("zoneCode", s.zoneCode());
        p.put("phase", s.phase());
        p.put("status", s.status().name());
        p.put("cameras", listed.cameras());
        return new Feature("Feature", s.id(), Point.of(s.location().lat(), s.location().lon()), p);
    }
}
