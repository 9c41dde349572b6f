package org.safecity.registry.internal.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraType;
import org.safecity.registry.internal.sites.SiteDraft;
import org.safecity.registry.internal.sites.SiteKind;
import org.safecity.registry.internal.sites.SiteProgressPolicy;
import org.safecity.registry.internal.sites.SiteStatus;
import org.safecity.shared.GeoPoint;
import org.springframework.core.io.ClassPathResource;

/**
 * The demonstration network of Peshawar, the same on every run: phase 1 with 125 sites and 710
 * cameras around the well-known places of {@code reference/peshawar-places.csv}, its installation
 * spread over the phase so far, and phase 2's 600 sites still planned. It only describes the network;
 * {@link DemoNetworkLoader} stores it.
 */
public final class DemoNetwork {

    static final int PHASE_1_SITES = 125;
    /** The demo's cameras live at 10.21.{site}.{n}: fictional addresses, nothing answers there. */
    private static final String DEMO_HOSTS = "10.21.";
    static final int PHASE_1_CAMERAS = 710;
    static final int PHASE_2_SITES = 600;
    /**
     * The demo's "as of" day: nothing in it happened later, whatever day it is loaded (and never after
     * today, should the clock say an earlier day).
     */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final long SEED = 0x5AFEC17L;

    /** A well-known place in Peshawar. */
    record Place(String name, SiteKind kind, GeoPoint point) {
    }

    /** A police station's area in Peshawar, with its station's approximate position. */
    record ZonePlan(String code, String name, GeoPoint centre) {
    }

    /** A camera as planned for a site not yet stored. */
    record CameraPlan(String siteName, String name, String make, String model, String resolution, CameraType type,
                      Integer heading, Integer fieldOfView, String mainStream, String subStream, CameraInstallation status,
                      LocalDate installedOn) {
    }

    record Plan(List<ZonePlan> zones, List<SiteDraft> sites, List<CameraPlan> cameras) {
    }

    static final List<ZonePlan> PESHAWAR_ZONES = List.of(
        new ZonePlan("KTW", "Kotwali", new GeoPoint(34.0085, 71.5690)),
        new ZonePlan("KRS", "Khan Raziq Shaheed", new GeoPoint(34.0110, 71.5760)),
        new ZonePlan("HSN", "Hashtnagri", new GeoPoint(34.0135, 71.5830)),
        new ZonePlan("GLB", "Gulbahar", new GeoPoint(34.0170, 71.5920)),
        new ZonePlan("FQB", "Faqirabad", new GeoPoint(34.0310, 71.5760)),
        new ZonePlan("CHK", "Chamkani", new GeoPoint(34.0280, 71.6250)),
        new ZonePlan("ECT", "East Cantt", new GeoPoint(34.0010, 71.5450)),
        new ZonePlan("WCT", "West Cantt", new GeoPoint(34.0060, 71.5230)),
        new ZonePlan("TKL", "Tehkal", new GeoPoint(34.0040, 71.5060)),
        new ZonePlan("UNC", "University Campus", new GeoPoint(34.0010, 71.4860)),
        new ZonePlan("HYT", "Hayatabad", new GeoPoint(33.9860, 71.4450)),
        new ZonePlan("PSK", "Pishtakhara", new GeoPoint(33.9820, 71.5350)),
        new ZonePlan("BDB", "Badaber", new GeoPoint(33.9600, 71.5650)),
        new ZonePlan("KZN", "Khazana", new GeoPoint(34.0520, 71.5600)),
        new ZonePlan("MTH", "Mathra", new GeoPoint(34.0450, 71.5150)));

    private record Model(String make, String model, String resolution) {
    }

    private static final Map<CameraType, List<Model>> MODELS = Map.of(
        CameraType.FIXED, List.of(new Model("Hikvision", "DS-2CD7A26G0/P-IZHS", "1920x1080"),
            new Model("Uniview", "IPC2128SB-ADF40KM-I0", "3840x2160"), new Model("Dahua", "IPC-HFW5442T-ASE", "2688x1520"),
            new Model("Axis", "P1468-LE", "3840x2160")),
        CameraType.PTZ, List.of(new Model("Axis", "Q6135-LE", "1920x1080"), new Model("Hikvision", "DS-2DE7A432IW-AEB", "2560x1440"),
            new Model("Dahua", "SD6CE445GB-HNR", "2560x1440")),
        CameraType.ANPR, List.of(new Model("Dahua", "ITC437-PW6M-IZ-GN", "2688x1520"),
            new Model("Hikvision", "iDS-2CD7A46G0/P-IZHSY", "2688x1520")),
        CameraType.FACE, List.of(new Model("Hikvision", "iDS-2CD7146G0-IZS", "2688x1520"),
            new Model("Dahua", "IPC-HFW7442H-Z-FR", "2688x1520")));

    private static final String[] SIDES = {"", "North", "East", "South", "West"};

    private DemoNetwork() {
    }

    /**
     * @param phase1Start the day phase 1 started
     * @param today       today; nothing in the demo happens after it
     */
    static Plan plan(LocalDate phase1Start, LocalDate today) {
        var random = new Random(SEED);
        LocalDate asOf = today.isBefore(AS_OF) ? today : AS_OF;
        List<Place> places = places();
        List<SiteDraft> sites = new ArrayList<>();
        List<CameraPlan> cameras = new ArrayList<>();

        // Phase 1: three sites per place (four for the first few), the first at the place itself.
        List<Place> siteOrigins = new ArrayList<>();
        List<String> siteNames = new ArrayList<>();
        List<GeoPoint> sitePoints = new ArrayList<>();
        for (int round = 0; siteOrigins.size() < PHASE_1_SITES; round++) {
            for (Place place : places) {
                if (siteOrigins.size() == PHASE_1_SITES) {
                    break;
                }
                double metres = round == 0 ? random.nextDouble() * 30 : 120 + random.nextDouble() * 330;
                double bearing = round == 0 ? random.nextDouble() * 360 : (round - 1) * 90 + random.nextDouble() * 40 - 20;
                siteOrigins.add(place);
                siteNames.add(round == 0 ? place.name() : place.name() + " " + SIDES[Math.min(round, 4)]);
                sitePoints.add(place.point().offset(metres, (bearing + 360) % 360));
            }
        }
        List<List<CameraType>> mixes = cameraMixes(siteOrigins, random);

        // Installation spread evenly over the phase so far, in a shuffled order of sites.
        long span = Math.max(0, ChronoUnit.DAYS.between(phase1Start, asOf));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < PHASE_1_SITES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int notYetInstalled = span < 30 ? PHASE_1_SITES : 8;
        int installedCount = PHASE_1_SITES - notYetInstalled;
        for (int rank = 0; rank < PHASE_1_SITES; rank++) {
            int i = order.get(rank);
            Place origin = siteOrigins.get(i);
            SiteStatus status;
            SiteProgressPolicy.Dates dates;
            if (rank < installedCount) {
                long installDay = 14 + (span - 14) * (rank + 1) / (installedCount + 1) + random.nextInt(3);
                LocalDate installed = min(phase1Start.plusDays(installDay), asOf);
                LocalDate surveyed = max(phase1Start, installed.minusDays(10 + random.nextInt(30)));
                LocalDate commissioned = installed.plusDays(7 + random.nextInt(14));
                if (commissioned.isAfter(asOf)) {
                    status = SiteStatus.INSTALLED;
                    dates = new SiteProgressPolicy.Dates(surveyed, installed, null);
                } else {
                    status = SiteStatus.COMMISSIONED;
                    dates = new SiteProgressPolicy.Dates(surveyed, installed, commissioned);
                }
            } else if (span > 0) {
                status = SiteStatus.SURVEYED;
                dates = new SiteProgressPolicy.Dates(min(phase1Start.plusDays(span / 2 + random.nextInt((int) Math.max(1, span / 2))), asOf), null, null);
            } else {
                status = SiteStatus.PLANNED;
                dates = SiteProgressPolicy.Dates.NONE;
            }
            GeoPoint point = sitePoints.get(i);
            sites.add(new SiteDraft(siteNames.get(i), origin.kind(), point, "PSH", nearestZone(point), 1, status, dates));
            cameras.addAll(camerasFor(i + 1, siteNames.get(i), mixes.get(i), status, dates, asOf, random));
        }
        sites.sort(Comparator.comparing(SiteDraft::name));

        // Phase 2: planned sites further out from the same places, around the whole city.
        Map<String, Integer> extensions = new HashMap<>();
        // the Authority's own kinds of site; a premises' site is never planned
        SiteKind[] kinds = java.util.Arrays.stream(SiteKind.values()).filter(k -> k != SiteKind.PREMISES).toArray(SiteKind[]::new);
        for (int n = 0; n < PHASE_2_SITES; n++) {
            Place near = places.get(random.nextInt(places.size()));
            GeoPoint point = near.point().offset(600 + random.nextDouble() * 2900, random.nextDouble() * 360);
            int k = extensions.merge(near.name(), 1, Integer::sum);
            SiteKind kind = random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length)] : near.kind();
            sites.add(new SiteDraft(near.name() + " extension " + k, kind, point, "PSH", nearestZone(point), 2,
                SiteStatus.PLANNED, SiteProgressPolicy.Dates.NONE));
        }
        return new Plan(PESHAWAR_ZONES, sites, cameras);
    }

    /**
     * What each kind of place gets: a junction an ANPR pair, an overview and a PTZ; a bazaar a PTZ, face
     * capture and an overview; a road into the city ANPR both ways and face capture; hospitals, offices,
     * stations and colleges an overview, a PTZ and face capture. More cameras are then added round the
     * sites until the phase's 710 are placed.
     */
    static List<List<CameraType>> cameraMixes(List<Place> origins, Random random) {
        List<List<CameraType>> mixes = new ArrayList<>();
        int total = 0;
        for (Place p : origins) {
            List<CameraType> mix = new ArrayList<>(switch (p.kind()) {
                case JUNCTION -> List.of(CameraType.ANPR, CameraType.ANPR, CameraType.FIXED, CameraType.PTZ);
                case BAZAAR -> List.of(CameraType.PTZ, CameraType.FACE, CameraType.FIXED);
                case ENTRY -> List.of(CameraType.ANPR, CameraType.ANPR, CameraType.FACE);
                default -> List.of(CameraType.FIXED, CameraType.PTZ, CameraType.FACE);
            });
            total += mix.size();
            mixes.add(mix);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int round = 0; total < PHASE_1_CAMERAS; round++) {
            for (int i : order) {
                if (total == PHASE_1_CAMERAS) {
                    break;
                }
                List<CameraType> extras = switch (origins.get(i).kind()) {
                    case JUNCTION -> List.of(CameraType.FIXED, CameraType.ANPR, CameraType.FACE, CameraType.FIXED);
                    case BAZAAR -> List.of(CameraType.FIXED, CameraType.FACE, CameraType.PTZ, CameraType.FIXED);
                    case ENTRY -> List.of(CameraType.FIXED, CameraType.PTZ, CameraType.ANPR, CameraType.FIXED);
                    default -> List.of(CameraType.FIXED, CameraType.FACE, CameraType.FIXED, CameraType.PTZ);
                };
                mixes.get(i).add(extras.get(round % extras.size()));
                total++;
            }
        }
        return mixes;
    }

    private static List<CameraPlan> camerasFor(int siteNumber, String siteName, List<CameraType> mix, SiteStatus siteStatus,
                                               SiteProgressPolicy.Dates dates, LocalDate asOf, Random random) {
        List<CameraPlan> plans = new ArrayList<>();
        Map<CameraType, Integer> counts = new HashMap<>();
        int roadBearing = random.nextInt(180);
        for (int k = 0; k < mix.size(); k++) {
            CameraType type = mix.get(k);
            int n = counts.merge(type, 1, Integer::sum);
            List<Model> models = MODELS.get(type);
            Model model = models.get((siteNumber + n) % models.size());
            Integer heading;
            Integer fov;
            String label;
            switch (type) {
                case ANPR -> {
                    heading = (roadBearing + (n % 2 == 1 ? 0 : 180)) % 360;
                    fov = 30;
                    label = (n % 2 == 1 ? "ANPR inbound" : "ANPR outbound") + (n > 2 ? " " + (n + 1) / 2 : "");
                }
                case PTZ -> {
                    heading = null;
                    fov = null;
                    label = "PTZ" + (n > 1 ? " " + n : "");
                }
                case FACE -> {
                    heading = random.nextInt(360);
                    fov = 45;
                    label = "face capture" + (n > 1 ? " " + n : "");
                }
                default -> {
                    heading = random.nextInt(360);
                    fov = 80 + random.nextInt(31);
                    label = "overview" + (n > 1 ? " " + n : "");
                }
            }
            String host = DEMO_HOSTS + siteNumber + "." + (11 + k);
            String[] paths = streamPaths(model.make(), model.resolution());
            // only the installation is planned: whether a camera is online is for SafeCity to observe, so no demo camera
            // is ever said to have been heard from
            CameraInstallation status;
            LocalDate installedOn = null;
            int roll = random.nextInt(100);
            if (siteStatus == SiteStatus.COMMISSIONED) {
                status = roll < 96 ? CameraInstallation.INSTALLED : CameraInstallation.FAULTY;
            } else if (siteStatus == SiteStatus.INSTALLED) {
                status = CameraInstallation.INSTALLED;
            } else {
                status = CameraInstallation.PLANNED;
            }
            if (status.isInstalled()) {
                installedOn = min(dates.installedOn().plusDays(random.nextInt(3)), asOf);
            }
            plans.add(new CameraPlan(siteName, siteName + " " + label, model.make(), model.model(), model.resolution(), type,
                heading, fov, "rtsp://" + host + ":554" + paths[0], "rtsp://" + host + ":554" + paths[1], status, installedOn));
        }
        return plans;
    }

    /** Whether a stream address is one the demo made up. */
    public static boolean isDemoAddress(String streamUrl) {
        return streamUrl != null && streamUrl.startsWith("rtsp://" + DEMO_HOSTS);
    }

    /** Each maker's usual RTSP paths for the main and the sub stream. */
    private static String[] streamPaths(String make, String resolution) {
        return switch (make) {
            case "Hikvision" -> new String[] {"/Streaming/Channels/101", "/Streaming/Channels/102"};
            case "Dahua" -> new String[] {"/cam/realmonitor?channel=1&subtype=0", "/cam/realmonitor?channel=1&subtype=1"};
            case "Axis" -> new String[] {"/axis-media/media.amp?videocodec=h264&resolution=" + resolution,
                "/axis-media/media.amp?videocodec=h264&resolution=640x360"};
            default -> new String[] {"/media/video1", "/media/video2"};
        };
    }

    static String nearestZone(GeoPoint point) {
        return PESHAWAR_ZONES.stream().min(Comparator.comparingDouble(z -> z.centre().metresTo(point))).orElseThrow().code();
    }

    static List<Place> places() {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource("reference/peshawar-places.csv").getInputStream(),
            StandardCharsets.UTF_8); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            return parser.getRecords().stream().map(r -> new Place(r.get("name"), SiteKind.parse(r.get("kind")).orElseThrow(),
                new GeoPoint(Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon"))))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read reference/peshawar-places.csv", e);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
