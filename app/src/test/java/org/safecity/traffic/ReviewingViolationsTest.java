package org.safecity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

/** Rules find violations in detections; reviewers decide them within their jurisdiction; policies shape the decision. */
class ReviewingViolationsTest extends IntegrationTest {

    @Test
    void a_rejected_violation_issues_no_challan_and_keeps_the_reason_in_its_history() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        Roadside.passes(field, plate);
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        long id = Roadside.awaitViolation(reviewer, "PENDING", plate).get("id").asLong();

        var withoutReason = reviewer.post("/api/v1/violations/" + id + "/reject", Map.of());
        var rejected = reviewer.post("/api/v1/violations/" + id + "/reject", Map.of("reason", "an ambulance on duty"));
        var approvedAfterwards = reviewer.post("/api/v1/violations/" + id + "/approve", Map.of());

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectReason").asString()).isEqualTo("an ambulance on duty");
        assertThat(rejected.json().get("history").toString()).contains("REJECTED", "an ambulance on duty");
        assertThat(rejected.json().has("challanNumber")).isFalse();
        assertThat(approvedAfterwards.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/challans?plate=" + plate).json().get("total").asLong()).isZero();
        assertThat(reviewer.get("/api/v1/challans/review?status=REJECTED&city=MRD&size=1000").body()).contains(plate);
    }

    @Test
    void a_reviewer_of_another_city_neither_sees_nor_decides_a_violation_while_one_of_the_city_does() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "Sher Ali");
        Roadside.passes(field, plate);
        long id = Roadside.awaitViolation(admin, "PENDING", plate).get("id").asLong();
        var peshawar = as("PSH", Role.TRAFFIC_REVIEWER);
        var mardan = as("MRD", Role.TRAFFIC_REVIEWER);

        assertThat(peshawar.get("/api/v1/challans/review?status=PENDING&size=1000").body()).doesNotContain(plate);
        assertThat(peshawar.get("/api/v1/violations/" + id).status()).isEqualTo(404);
        assertThat(peshawar.post("/api/v1/violations/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(peshawar.post("/api/v1/violations/" + id + "/reject", Map.of("reason", "no")).status()).isEqualTo(404);
        assertThat(mardan.get("/api/v1/challans/review?status=PENDING&size=1000").body()).contains(plate);
        var approved = mardan.post("/api/v1/violations/" + id + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(200);
        String number = approved.json().get("challanNumber").asString();
        assertThat(peshawar.get("/api/v1/challans/" + number).status()).isEqualTo(404);
        assertThat(as("PSH", Role.INVESTIGATOR).get("/api/v1/challans?plate=" + plate).json().get("total").asLong()).isZero();
        assertThat(as("MRD", Role.INVESTIGATOR).get("/api/v1/challans?plate=" + plate).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void an_offence_needing_two_reviewers_is_issued_only_on_the_approval_of_a_second_different_person() {
        var admin = admin();
        assertThat(admin.put("/api/v1/traffic/offences/MOBILE_PHONE", Map.of("approvalsRequired", 2)).status()).isEqualTo(200);
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "ANALYTIC", "analyticType", "mobile_phone"));
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "Noor Jehan");
        Roadside.send(field, List.of(Roadside.analytic(field.cameraId(), "mobile_phone", 0.93, plate, Instant.now().minusSeconds(2))));
        var first = as(Role.TRAFFIC_REVIEWER);
        var second = as(Role.TRAFFIC_REVIEWER);
        var violation = Roadside.awaitViolation(first, "PENDING", plate);
        long id = violation.get("id").asLong();

        var once = first.post("/api/v1/violations/" + id + "/approve", Map.of());
        var twiceBySamePerson = first.post("/api/v1/violations/" + id + "/approve", Map.of());
        var bySecond = second.post("/api/v1/violations/" + id + "/approve", Map.of());

        assertThat(violation.get("approvalsRequired").asInt()).isEqualTo(2);
        assertThat(violation.get("measurement").get("analyticConfidence").asDouble()).isEqualTo(0.93);
        assertThat(once.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(once.json().get("approvals").asInt()).isEqualTo(1);
        assertThat(once.json().has("challanNumber")).isFalse();
        assertThat(twiceBySamePerson.status()).isEqualTo(409);
        assertThat(bySecond.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(bySecond.json().get("challanNumber").asString()).startsWith("MRD-");
        var challan = admin.get("/api/v1/challans/" + bySecond.json().get("challanNumber").asString()).json();
        assertThat(challan.get("finePkr").asLong()).isEqualTo(1000); // the motorcycle fine: the analytic named the vehicle type
    }

    @Test
    void a_confident_reading_of_an_auto_issue_offence_is_issued_at_once_and_a_doubtful_one_waits_for_review() {
        var admin = admin();
        admin.put("/api/v1/traffic/offences/NO_HELMET", Map.of("autoIssueConfidence", 0.9, "approvalsRequired", 1));
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "ANALYTIC", "analyticType", "no_helmet"));
        String sure = Roadside.plate();
        String doubtful = Roadside.plate();
        Roadside.register(admin, sure, Roadside.cnic(), "Khan Bahadur");
        Instant now = Instant.now();

        Roadside.send(field, List.of(Roadside.analytic(field.cameraId(), "no_helmet", 0.96, sure, now.minusSeconds(3)),
            Roadside.analytic(field.cameraId(), "no_helmet", 0.7, doubtful, now.minusSeconds(2))));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var issued = Roadside.awaitViolation(reviewer, "APPROVED", sure);
        var waiting = Roadside.awaitViolation(reviewer, "PENDING", doubtful);

        assertThat(issued.get("approvedBy").toString()).contains("system");
        assertThat(issued.get("challanNumber").asString()).startsWith("MRD-");
        var challan = admin.get("/api/v1/challans/" + issued.get("challanNumber").asString()).json();
        assertThat(challan.get("finePkr").asLong()).isEqualTo(500);
        assertThat(challan.get("history").get(0).get("by").asString()).isEqualTo("system");
        assertThat(waiting.get("confidence").asDouble()).isEqualTo(0.7);
        assertThat(waiting.has("challanNumber")).isFalse();
    }

    @Test
    void a_reading_below_the_review_confidence_waits_for_a_person_even_when_its_offence_is_issued_automatically() {
        var admin = admin();
        admin.put("/api/v1/traffic/offences/NO_SEAT_BELT", Map.of("autoIssueConfidence", 0.5));
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "ANALYTIC", "analyticType", "no_seat_belt"));
        String plate = Roadside.plate();
        Roadside.register(admin, plate, Roadside.cnic(), "Shah Wali");

        Roadside.send(field, List.of(Roadside.analytic(field.cameraId(), "no_seat_belt", 0.7, plate, Instant.now().minusSeconds(2))));
        var waiting = Roadside.awaitViolation(admin, "PENDING", plate);

        assertThat(waiting.get("confidence").asDouble()).isEqualTo(0.7);
        assertThat(waiting.get("approvedBy").size()).isZero();
        assertThat(admin.get("/api/v1/challans?plate=" + plate).json().get("total").asLong()).isZero();
    }

    @Test
    void a_traffic_offence_seen_by_an_analytic_goes_to_review_and_raises_no_operator_alert() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "ANALYTIC", "analyticType", "triple_riding"));
        String plate = Roadside.plate();
        var fire = new HashMap<String, Object>(Roadside.analytic(field.cameraId(), "fire", 0.9, plate, Instant.now().minusSeconds(1)));

        Roadside.send(field, List.of(Roadside.analytic(field.cameraId(), "triple_riding", 0.9, plate, Instant.now().minusSeconds(2)), fire));
        var violation = Roadside.awaitViolation(admin, "PENDING", plate);
        var alerts = Roadside.await(() -> {
            var items = admin.get("/api/v1/alerts").json().get("items");
            return Roadside.find(items, a -> a.get("cameraId").asLong() == field.cameraId()) == null ? null : items;
        }, "the fire alert of the camera");

        assertThat(violation.get("offence").asString()).isEqualTo("TRIPLE_RIDING");
        assertThat(Roadside.find(alerts, a -> a.get("cameraId").asLong() == field.cameraId() && "fire".equals(a.path("analytic").asString(""))))
            .isNotNull();
        assertThat(Roadside.find(alerts, a -> a.get("cameraId").asLong() == field.cameraId()
            && "triple_riding".equals(a.path("analytic").asString("")))).isNull();
    }

    @Test
    void a_speed_item_naming_its_vehicle_is_checked_against_the_spot_limit_plus_tolerance() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "SPOT_SPEED", "limitKmh", 80, "toleranceKmh", 10));
        String fast = Roadside.plate();
        String within = Roadside.plate();
        Instant now = Instant.now();

        Roadside.send(field, List.of(speed(field.cameraId(), within, 90, now.minusSeconds(3)), speed(field.cameraId(), fast, 91, now.minusSeconds(2))));
        var violation = Roadside.awaitViolation(admin, "PENDING", fast);

        assertThat(violation.get("offence").asString()).isEqualTo("OVER_SPEEDING");
        assertThat(violation.get("measurement").toString()).contains("\"speedKmh\":91", "\"limitKmh\":80", "\"toleranceKmh\":10");
        assertThat(admin.get("/api/v1/challans/review?status=PENDING&city=MRD&size=1000").body()).doesNotContain(within);
    }

    private static Map<String, Object> speed(long cameraId, String plate, int kmh, Instant at) {
        return Map.of("eventId", org.safecity.detections.Reporting.eventId(), "cameraId", cameraId, "observedAt", at.toString(),
            "kind", "speed", "speed", Map.of("speedKmh", kmh, "plate", plate, "confidence", 0.9));
    }

    @Test
    void an_unregistered_plate_becomes_a_no_owner_case_and_a_misread_plate_is_corrected_by_the_reviewer() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String unknown = Roadside.plate();
        String misread = Roadside.plate();
        String actual = Roadside.plate();
        Roadside.register(admin, actual, Roadside.cnic(), "Rahim Gul");
        Instant now = Instant.now();
        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), unknown, now.minusSeconds(4), 0.9, Map.of()),
            Roadside.plateRead(field.cameraId(), misread, now.minusSeconds(3), 0.6, Map.of())));
        var reviewer = as(Role.TRAFFIC_REVIEWER);

        var noOwner = reviewer.post("/api/v1/violations/" + Roadside.awaitViolation(reviewer, "PENDING", unknown).get("id").asLong()
            + "/approve", Map.of());
        var corrected = reviewer.post("/api/v1/violations/" + Roadside.awaitViolation(reviewer, "PENDING", misread).get("id").asLong()
            + "/approve", Map.of("plate", actual.substring(0, 3) + "-" + actual.substring(3)));

        var unowned = admin.get("/api/v1/challans/" + noOwner.json().get("challanNumber").asString()).json();
        assertThat(unowned.get("status").asString()).isEqualTo("NO_OWNER");
        assertThat(unowned.has("ownerName")).isFalse();
        assertThat(unowned.get("history").toString()).contains("manual follow-up");
        assertThat(admin.get("/api/v1/traffic/outbox?size=1000").body()).doesNotContain(unowned.get("number").asString());
        assertThat(corrected.json().get("plate").asString()).isEqualTo(actual);
        assertThat(corrected.json().get("history").toString()).contains("plate corrected from " + misread + " to " + actual);
        var challan = admin.get("/api/v1/challans/" + corrected.json().get("challanNumber").asString()).json();
        assertThat(challan.get("plate").asString()).isEqualTo(actual);
        assertThat(challan.get("ownerName").asString()).isEqualTo("Rahim Gul");
    }

    @Test
    void the_same_vehicle_offence_and_place_within_the_window_is_one_violation() throws Exception {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        Instant now = Instant.now();

        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), plate, now.minusSeconds(60), 0.9, Map.of()),
            Roadside.plateRead(field.cameraId(), plate, now.minusSeconds(20), 0.9, Map.of())));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        Roadside.awaitViolation(reviewer, "PENDING", plate);

        var queue = reviewer.get("/api/v1/challans/review?status=PENDING&city=MRD&size=1000").json().get("items");
        long count = 0;
        for (var v : queue) {
            count += plate.equals(v.get("plate").asString()) ? 1 : 0;
        }
        assertThat(count).isEqualTo(1);
    }

    @Test
    void a_fixed_signal_cycle_finds_the_vehicle_crossing_in_its_red_window_and_not_the_one_in_green() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        Instant epoch = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(java.time.Duration.ofMinutes(2));
        var rule = new HashMap<String, Object>(Map.of("cameraId", field.cameraId(), "kind", "SIGNAL", "cycleSeconds", 60,
            "redFromSeconds", 0, "redToSeconds", 30, "cycleEpoch", epoch.toString()));
        Roadside.rule(admin, rule);
        String onRed = Roadside.plate();
        String onGreen = Roadside.plate();

        Roadside.send(field, List.of(Roadside.plateRead(field.cameraId(), onGreen, epoch.plusSeconds(60 + 45), 0.9, Map.of()),
            Roadside.plateRead(field.cameraId(), onRed, epoch.plusSeconds(60 + 10), 0.9, Map.of())));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var red = Roadside.awaitViolation(reviewer, "PENDING", onRed);

        assertThat(red.get("offence").asString()).isEqualTo("SIGNAL_VIOLATION");
        assertThat(red.get("measurement").get("signalPhase").asString()).isEqualTo("red");
        assertThat(reviewer.get("/api/v1/challans/review?status=PENDING&city=MRD&size=1000").body()).doesNotContain(onGreen);
    }

    @Test
    void average_speed_over_a_section_between_two_cameras_finds_the_vehicle_that_covered_it_too_fast() throws Exception {
        var admin = admin();
        var entry = Roadside.camera(admin, anonymous);
        var exit = Roadside.camera(admin, anonymous);
        Roadside.rule(admin, Map.of("cameraId", exit.cameraId(), "kind", "AVERAGE_SPEED", "entryCameraId", entry.cameraId(),
            "distanceM", 2000, "limitKmh", 60, "toleranceKmh", 5));
        String fast = Roadside.plate();
        String lawful = Roadside.plate();
        Instant now = Instant.now();

        Roadside.send(entry, List.of(Roadside.plateRead(entry.cameraId(), fast, now.minusSeconds(90), 0.9, Map.of()),
            Roadside.plateRead(entry.cameraId(), lawful, now.minusSeconds(200), 0.9, Map.of())));
        Thread.sleep(1500); // the entry reads are remembered after their own commit
        Roadside.send(exit, List.of(Roadside.plateRead(exit.cameraId(), fast, now.minusSeconds(10), 0.9, Map.of()),
            Roadside.plateRead(exit.cameraId(), lawful, now.minusSeconds(5), 0.9, Map.of())));
        var reviewer = as(Role.TRAFFIC_REVIEWER);
        var violation = Roadside.awaitViolation(reviewer, "PENDING", fast);

        assertThat(violation.get("offence").asString()).isEqualTo("OVER_SPEEDING");
        assertThat(violation.get("measurement").get("averageSpeedKmh").asDouble()).isEqualTo(90.0); // 2 km in 80 s
        assertThat(reviewer.get("/api/v1/challans/review?status=PENDING&city=MRD&size=1000").body()).doesNotContain(lawful);
    }

    @Test
    void a_changed_rule_replaces_the_old_one_which_finds_nothing_more() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);
        long old = Roadside.rule(admin, Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "N"));

        var changed = admin.put("/api/v1/traffic/rules/" + old, Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "S"));
        var again = admin.put("/api/v1/traffic/rules/" + old, Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "E"));
        String plate = Roadside.plate();
        Roadside.passes(field, plate); // northbound: allowed by the old rule, against the new one
        var violation = Roadside.awaitViolation(admin, "PENDING", plate);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("id").asLong()).isNotEqualTo(old);
        assertThat(again.status()).isEqualTo(404);
        assertThat(violation.get("measurement").get("allowedDirection").asString()).isEqualTo("S");
    }

    @Test
    void a_rule_without_its_thresholds_is_refused_naming_each_missing_one() {
        var admin = admin();
        var field = Roadside.camera(admin, anonymous);

        var refused = admin.post("/api/v1/traffic/rules", Map.of("cameraId", field.cameraId(), "kind", "AVERAGE_SPEED"));
        var byReviewer = as(Role.TRAFFIC_REVIEWER).post("/api/v1/traffic/rules",
            Map.of("cameraId", field.cameraId(), "kind", "WRONG_WAY", "allowedDirection", "N"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("limitKmh", "entryCameraId", "distanceM");
        assertThat(byReviewer.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/traffic/rules").body()).doesNotContain("\"cameraId\":" + field.cameraId() + ",");
    }
}
