package org.safecity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

/** A citizen contests a challan through the portal; an adjudicator upholds or cancels it; every step is in its history. */
class ContestingChallansTest extends IntegrationTest {

    record Issued(String number, String plate, String cnic) {
    }

    private Issued challan() {
        var admin = admin();
        var field = Roadside.oneWayCamera(admin, anonymous);
        String plate = Roadside.plate();
        String cnic = Roadside.cnic();
        Roadside.register(admin, plate, cnic, "Parveen Akhtar");
        Roadside.passes(field, plate);
        long id = Roadside.awaitViolation(admin, "PENDING", plate).get("id").asLong();
        String number = admin.post("/api/v1/violations/" + id + "/approve", Map.of()).json().get("challanNumber").asString();
        return new Issued(number, plate, cnic);
    }

    private JsonNode openContest(String number) {
        return Roadside.find(admin().get("/api/v1/contests?status=OPEN&size=1000").json().get("items"),
            k -> number.equals(k.get("challanNumber").asString()));
    }

    @Test
    void a_contest_that_is_upheld_leaves_the_challan_due_again_and_the_citizen_sees_the_reason() {
        var issued = challan();

        var contest = anonymous.post("/api/public/challans/" + issued.number() + "/contest",
            Map.of("plate", issued.plate(), "cnic", issued.cnic(), "statement", "I was not driving that day"));
        var second = anonymous.post("/api/public/challans/" + issued.number() + "/contest",
            Map.of("plate", issued.plate(), "cnic", issued.cnic(), "statement", "again"));
        var adjudicator = as("MRD", Role.TRAFFIC_REVIEWER);
        var listed = openContest(issued.number());
        var withoutReason = adjudicator.post("/api/v1/contests/" + listed.get("id").asLong() + "/uphold", Map.of());
        var upheld = adjudicator.post("/api/v1/contests/" + listed.get("id").asLong() + "/uphold",
            Map.of("reason", "the images show the vehicle; the owner answers for it"));

        assertThat(contest.status()).as(contest.body()).isEqualTo(201);
        assertThat(contest.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(second.status()).isEqualTo(409);
        assertThat(listed.get("statement").asString()).isEqualTo("I was not driving that day");
        assertThat(listed.get("plate").asString()).isEqualTo(issued.plate());
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(upheld.status()).isEqualTo(200);
        assertThat(upheld.json().get("status").asString()).isEqualTo("UPHELD");
        var challan = admin().get("/api/v1/challans/" + issued.number()).json();
        assertThat(challan.get("status").asString()).isEqualTo("ISSUED");
        assertThat(challan.get("contest").get("status").asString()).isEqualTo("UPHELD");
        assertThat(challan.get("history").toString()).contains("ISSUED", "CONTESTED", "CONTEST_UPHELD");
        var portal = anonymous.get("/api/public/challans?plate=" + issued.plate() + "&cnic=" + issued.cnic()).json().get("items").get(0);
        assertThat(portal.get("status").asString()).isEqualTo("ISSUED");
        assertThat(portal.get("contest").get("status").asString()).isEqualTo("UPHELD");
        assertThat(portal.get("contest").get("reason").asString()).isEqualTo("the images show the vehicle; the owner answers for it");
    }

    @Test
    void a_contest_that_is_cancelled_cancels_the_challan_which_can_then_be_neither_paid_nor_contested() {
        var issued = challan();
        anonymous.post("/api/public/challans/" + issued.number() + "/contest",
            Map.of("plate", issued.plate(), "cnic", issued.cnic(), "statement", "My car was sold before this date; transfer papers attached"));
        var contested = anonymous.get("/api/public/challans?plate=" + issued.plate() + "&cnic=" + issued.cnic()).json().get("items").get(0);
        long id = openContest(issued.number()).get("id").asLong();

        var byPeshawar = as("PSH", Role.TRAFFIC_REVIEWER).post("/api/v1/contests/" + id + "/cancel", Map.of("reason", "x"));
        var cancelled = as(Role.SUPERVISOR).post("/api/v1/contests/" + id + "/cancel", Map.of("reason", "ownership transferred before the offence"));
        var decidedAgain = admin().post("/api/v1/contests/" + id + "/uphold", Map.of("reason", "changed my mind"));
        var contestAgain = anonymous.post("/api/public/challans/" + issued.number() + "/contest",
            Map.of("plate", issued.plate(), "cnic", issued.cnic(), "statement", "again"));

        assertThat(contested.get("status").asString()).isEqualTo("CONTESTED");
        assertThat(contested.get("contest").get("status").asString()).isEqualTo("OPEN");
        assertThat(byPeshawar.status()).isEqualTo(404);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(decidedAgain.status()).isEqualTo(409);
        assertThat(contestAgain.status()).isEqualTo(409);
        var challan = admin().get("/api/v1/challans/" + issued.number()).json();
        assertThat(challan.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(challan.get("amountDuePkr").asLong()).isZero();
        assertThat(challan.get("history").toString()).contains("CONTESTED", "CANCELLED", "ownership transferred before the offence");
        assertThat(admin().get("/api/v1/contests?status=CANCELLED&size=1000").body()).contains(issued.number());
    }

    @Test
    void a_contest_with_a_cnic_that_is_not_the_owners_is_answered_as_an_unknown_challan() {
        var issued = challan();

        var stranger = anonymous.post("/api/public/challans/" + issued.number() + "/contest",
            Map.of("plate", issued.plate(), "cnic", Roadside.cnic(), "statement", "not mine"));
        var nothing = anonymous.post("/api/public/challans/MRD-1999-000001/contest",
            Map.of("plate", issued.plate(), "cnic", issued.cnic(), "statement", "not mine"));

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("detail").asString()).isEqualTo(nothing.json().get("detail").asString()
            .replace("MRD-1999-000001", issued.number()));
        assertThat(admin().get("/api/v1/challans/" + issued.number()).json().get("status").asString()).isEqualTo("ISSUED");
    }
}
