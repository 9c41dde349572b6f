package org.safecity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The fine in force on the offence day, the late surcharge, registrations from the records, the unpaid-challans watchlist, reports. */
class FinesAndPaymentsTest extends IntegrationTest {

    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VehicleRegistrations registrations;

    @Autowired
    StorageSettings storage;

    private static String approve(SafeCityApi reviewer, String plate, Instant at) {
        var found = Roadside.await(() -> Roadside.find(reviewer.get("/api/v1/challans/review?status=PENDING&city=MRD&size=1000").json()
            .get("items"), v -> plate.equals(v.get("plate").asString()) && at.toString().equals(v.get("observedAt").asString())),
            "a violation of " + plate + " at " + at);
        return reviewer.post("/api/v1/violations/" + found.get("id").asLong() + "/approve", Map.of()).json().get("challanNumber").asString();
    }

    private SafeCityApi.Response pay(JsonNode challan, long amount) {
        String body = Roadside.callback(challan.get("paymentReference").asString(), amount, Instant.now().truncatedTo(ChronoUnit.SECONDS),
            "TXN-" + challan.get("number").asString());
        return anonymous.send("POST", "/api/v1/payments/callback", "application/json", body,
            Map.of("X-Signature", Roadside.sign(storage.dataDir(), body)));
    }

    @Test
    void the_fine_is_the_one_in_force_on_the_day_of_the_offence_and_an_older_schedule_cannot_be_loaded_after_a_newer() {
        var admin = admin();
        LocalDate yesterday = LocalDate.now(PAKISTAN).minusDays(1);
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "S", "offence", "LANE_VIOLATION"));
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "Fazal Rabi");

        var loaded = admin.post("/api/v1/traffic/fines.csv", "text/csv",
            "effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv\n" + yesterday + ",LANE_VIOLATION,Lane violation,700,1300,2500,2500\n");
        var older = admin.post("/api/v1/traffic/fines.csv", "text/csv",
            "effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv\n2026-02-01,LANE_VIOLATION,Lane violation,1,2,3,4\n");
        var bad = admin.post("/api/v1/traffic/fines.csv", "text/csv",
            "effective_from,offence_code,offence,motorcycle,car_jeep,ltv,htv\n2099-01-01,lane,,x,,,\n");
        Instant before = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant after = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), plate, before, 0.9, Map.of()),
            Roadside.plateRead(field.cameraId(), plate, after, 0.9, Map.of())));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var old = admin.get("/api/v1/challans/" + approve(reviewer, plate, before)).json();
        var current = admin.get("/api/v1/challans/" + approve(reviewer, plate, after)).json();

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(older.status()).isEqualTo(400);
        assertThat(older.body()).contains("row 2", "after the latest schedule");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("offence_code", "offence (its name)", "motorcycle");
        assertThat(old.get("finePkr").asLong()).isEqualTo(1000);
        assertThat(current.get("finePkr").asLong()).isEqualTo(1300);
        assertThat(admin.get("/api/v1/traffic/fines").body()).contains(yesterday.toString());
        var sinceYesterday = admin.get("/api/v1/challans?plate=" + plate + "&from=" + yesterday).json();
        var untilYesterday = admin.get("/api/v1/challans?plate=" + plate + "&to=" + yesterday + "&status=ISSUED").json();
        assertThat(sinceYesterday.get("total").asLong()).isEqualTo(1);
        assertThat(sinceYesterday.get("items").get(0).get("number").asString()).isEqualTo(current.get("number").asString());
        assertThat(untilYesterday.get("items").get(0).get("number").asString()).isEqualTo(old.get("number").asString());
        assertThat(admin.get("/api/v1/challans?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void registrations_are_the_records_own_and_e_challan_keeps_none() {
        var admin = admin();
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        Roadside.register(admin, plate, cnic, "Aslam Khan");

        var old = admin.post("/api/v1/vehicle-registrations.csv", "text/csv", "plate,owner_name,owner_cnic,owner_phone,make,model,colour\n");

        assertThat(old.status()).isEqualTo(404);
        assertThat(jdbc.sql("select to_regclass('traffic.vehicle_registration') is null").query(Boolean.class).single()).isTrue();
        assertThat(registrations.find(plate)).hasValueSatisfying(r -> {
            assertThat(r.ownerName()).isEqualTo("Aslam Khan");
            assertThat(r.ownerCnic()).isEqualTo(cnic.replace("-", ""));
        });
        assertThat(registrations.find(Roadside.plate())).isEmpty();
    }

    @Test
    void past_the_due_date_the_surcharge_is_due_and_a_vehicle_with_too_many_unpaid_challans_is_watchlisted_until_it_pays() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "Habib Jan");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var reads = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 5; i++) {
            reads.add(Roadside.plateRead(field.cameraId(), plate, now.minus(Duration.ofMinutes(20L * i)), 0.9, Map.of()));
        }
        Roadside.send(field, reads);
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var numbers = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            numbers.add(approve(reviewer, plate, now.minus(Duration.ofMinutes(20L * i))));
        }
        jdbc.sql("update traffic.challan set due_date = ? where plate = ?").params(LocalDate.now(PAKISTAN).minusDays(1), plate).update();
        var overdue = admin.get("/api/v1/challans/" + numbers.getFirst()).json();

        var finesOnly = pay(overdue, 2000);
        var withSurcharge = pay(overdue, 2400);
        JsonNode entry = Roadside.await(() -> unpaidEntry(admin, plate), "the plate on the unpaid-challans list");
        jdbc.sql("update traffic.challan set due_date = ? where number = any(?)").params(LocalDate.now(PAKISTAN).plusDays(5),
            new String[] {numbers.get(1), numbers.get(2)}).update();
        pay(admin.get("/api/v1/challans/" + numbers.get(3)).json(), 2400);

        assertThat(overdue.get("surchargePkr").asLong()).isEqualTo(400);
        assertThat(overdue.get("amountDuePkr").asLong()).isEqualTo(2400);
        assertThat(finesOnly.status()).isEqualTo(422);
        assertThat(withSurcharge.status()).as(withSurcharge.body()).isEqualTo(200);
        assertThat(entry.get("reason").asString()).contains("4 unpaid overdue challans");
        Roadside.await(() -> unpaidEntry(admin, plate) == null ? admin.get("/api/v1/watchlists").json() : null, "the plate off the list");
    }

    private static JsonNode unpaidEntry(SafeCityApi admin, String plate) {
        var list = Roadside.find(admin.get("/api/v1/watchlists").json().get("items"), l -> "Unpaid challans MRD".equals(l.get("name").asString()));
        if (list == null) {
            return null;
        }
        return Roadside.find(admin.get("/api/v1/watchlists/" + list.get("id").asLong() + "/entries?size=1000").json().get("items"),
            e -> plate.equals(e.get("plate").asString()));
    }

    @Test
    void reports_count_challans_by_offence_site_and_day_with_collection_contest_rate_and_reviewer_throughput() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        Roadside.passes(field, plate);
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        Roadside.awaitViolation(reviewer, "PENDING", plate);
        approveAny(reviewer, plate);

        var report = as(Role.SUPERVISOR).get("/api/v1/traffic/reports?city=MRD").json();
        var mardanOnly = as("PSH", Role.SUPERVISOR).get("/api/v1/traffic/reports?city=MRD").json();

        assertThat(Roadside.find(report.get("byOffence"), o -> o.get("offence").asString().equals("WRONG_WAY")).get("count").asLong()).isPositive();
        assertThat(Roadside.find(report.get("bySite"), s -> s.get("siteName").asString().equals(field.siteName())).get("count").asLong())
            .isEqualTo(1);
        assertThat(report.get("byDay").size()).isPositive();
        assertThat(report.get("contestRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(report.get("reviewerThroughput").toString()).contains("test.traffic-reviewer");
        assertThat(report.get("totals").get("challans").asLong()).isPositive();
        assertThat(mardanOnly.toString()).doesNotContain(field.siteName());
        assertThat(as(Role.OPERATOR).get("/api/v1/traffic/reports").status()).isEqualTo(403);
    }

    private static void approveAny(SafeCityApi reviewer, String plate) {
        var v = Roadside.awaitViolation(reviewer, "PENDING", plate);
        reviewer.post("/api/v1/violations/" + v.get("id").asLong() + "/approve", Map.of());
    }
}
