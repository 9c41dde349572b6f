package org.safecity.partners.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;
import org.safecity.partners.PartnerFixtures;
import org.safecity.registry.CameraDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class NoticeTest extends IntegrationTest {

    @Autowired
    CameraDirectory cameras;
    @Autowired
    IssuingNotices issuing;
    @Autowired
    JdbcClient jdbc;

    private PartnerFixtures fixtures() {
        return new PartnerFixtures(admin(), anonymous);
    }

    private JsonNode noticesOf(long premisesId) {
        var all = admin().get("/api/v1/premises/compliance/notices?size=200");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        var mine = new java.util.ArrayList<JsonNode>();
        all.json().forEach(n -> {
            if (n.get("premisesId").asLong() == premisesId) {
                mine.add(n);
            }
        });
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(mine);
    }

    /** A compliant school: three cameras heard now, the gate and the boundary wall covered. */
    private long compliantSchool(List<Long> camerasOut) throws InterruptedException {
        var f = fixtures();
        long id = f.school();
        long site = f.site();
        camerasOut.add(f.camera(id, site, List.of("gate")));
        camerasOut.add(f.camera(id, site, List.of("boundary wall")));
        camerasOut.add(f.camera(id, site, List.of()));
        for (long camera : camerasOut) {
            cameras.markSeen(camera, Instant.now());
        }
        admin().put("/api/v1/premises/" + id + "/cameras/" + camerasOut.get(2) + "/points", Map.of("points", List.of("gate")));
        f.awaitStatus(id, "COMPLIANT", Duration.ofSeconds(20));
        return id;
    }

    @Test
    void a_stream_that_stops_makes_the_premises_non_compliant_and_a_notice_is_sent_once_then_closed_when_remedied() throws Exception {
        var own = new java.util.ArrayList<Long>();
        long id = compliantSchool(own);
        assertThat(noticesOf(id)).allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("REMEDIED"));
        long before = noticesOf(id).size();

        cameras.markSilent(own.get(0), Instant.now());
        fixtures().awaitStatus(id, "NON_COMPLIANT", Duration.ofSeconds(30));

        var notices = noticesOf(id);
        assertThat(notices).hasSize((int) before + 1);
        var notice = notices.get(0);
        assertThat(notice.get("status").asString()).isEqualTo("OPEN");
        assertThat(notice.get("overdue").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.parse(notice.get("issuedAt").asString()), Instant.parse(notice.get("deadline").asString())))
            .as("a school's notice gives the days of its category's requirement").isEqualTo(Duration.ofDays(21));
        assertThat(notice.get("reasons").toString()).contains("\"cameraId\":" + own.get(0));
        String number = notice.get("number").asString();
        var sms = jdbc.sql("select recipient, body, status from traffic.outbox where reference = ? and channel = 'SMS'").param(number)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(sms).singleElement().satisfies(m -> {
            assertThat(m.get(0)).isEqualTo("+92 91 1234567");
            assertThat(m.get(1)).contains(number).contains("سیف سٹی");
            assertThat(m.get(2)).isEqualTo("QUEUED");
        });
        var outbox = admin().get("/api/v1/traffic/outbox?size=200");
        assertThat(outbox.body()).contains(number);

        // another evaluation, or a change of reasons while non-compliant, issues no second notice
        cameras.markSilent(own.get(1), Instant.now());
        Thread.sleep(1500);
        assertThat(noticesOf(id)).hasSize((int) before + 1);

        // remedied by replacing the two cameras: a silent camera heard again would stay "offline too often" for as long
        // as its silence weighs in its short life, which on a busy machine can outlast the wait
        var f = fixtures();
        long site = f.site();
        for (long replacement : List.of(f.camera(id, site, List.of("gate")), f.camera(id, site, List.of("boundary wall")))) {
            cameras.markSeen(replacement, Instant.now());
        }
        for (long silent : own.subList(0, 2)) {
            assertThat(admin().post("/api/v1/cameras/" + silent + "/retire", Map.of("reason", "replaced")).status()).isEqualTo(200);
        }
        fixtures().awaitStatus(id, "COMPLIANT", Duration.ofSeconds(30));
        var closed = admin().get("/api/v1/premises/compliance/notices/" + number).json();
        assertThat(closed.get("status").asString()).isEqualTo("REMEDIED");
        assertThat(closed.has("closedAt")).isTrue();
    }

    @Test
    void a_notice_unremedied_at_its_deadline_escalates_and_the_authority_imposes_the_scheduled_penalty_once() throws Exception {
        long id = fixtures().school(); // no cameras: non-compliant at once
        var notice = noticesOf(id).get(0);
        String number = notice.get("number").asString();
        var officer = as(Role.COMPLIANCE_OFFICER);
        var early = officer.post("/api/v1/premises/compliance/notices/" + number + "/penalty", Map.of("reason", "No cameras connected"));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();

        jdbc.sql("update partners.notice set deadline = now() - interval '1 minute' where number = ?").param(number).update();
        assertThat(officer.get("/api/v1/premises/compliance/notices?overdue=true&size=200").body()).contains(number);
        assertThat(issuing.escalateDue()).contains(number);
        assertThat(issuing.escalateDue()).doesNotContain(number);
        var escalated = officer.get("/api/v1/premises/compliance/notices/" + number).json();
        assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.get("overdue").asBoolean()).isTrue();
        // the premises is told in plain words, once per channel, and so is the compliance office
        var told = jdbc.sql("select channel, recipient, body from traffic.outbox where reference like ? order by reference, channel")
            .param(number + "/escalated%").query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(told).as("an SMS to the premises (it gave no e-mail) and an e-mail to the office").hasSize(2);
        assertThat(told).filteredOn(m -> m.get(1).equals("+92 91 1234567")).singleElement().satisfies(m -> assertThat(m.get(2))
            .contains("was not put right by").contains("may now impose a penalty of Rs. 50000")
            .contains("closes by itself").contains("سیف سٹی اتھارٹی"));
        assertThat(told).filteredOn(m -> m.get(1).equals("compliance.office@example.invalid")).singleElement()
            .satisfies(m -> assertThat(m.get(2)).contains(number).contains("is now escalated").contains("What you can do")
                .contains("Rs. 50000 (a demonstration rate").contains("requires at least 3"));

        var unexplained = officer.post("/api/v1/premises/compliance/notices/" + number + "/penalty", Map.of("reason", "."));
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/premises/compliance/notices/" + number).json().has("penalty")).isFalse();

        var imposed = officer.post("/api/v1/premises/compliance/notices/" + number + "/penalty", Map.of("reason", "No cameras connected"));
        assertThat(imposed.status()).as(imposed.toString()).isEqualTo(201);
        var penalty = imposed.json().get("penalty");
        assertThat(penalty.get("amountPkr").asLong()).isEqualTo(50_000);
        assertThat(penalty.get("demonstration").asBoolean()).isTrue();
        var again = officer.post("/api/v1/premises/compliance/notices/" + number + "/penalty", Map.of("reason", "Sent twice by mistake"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("penalty").get("reason").asString()).isEqualTo("No cameras connected");
        assertThat(jdbc.sql("select count(*) from partners.penalty p join partners.notice n on n.id = p.notice_id where n.number = ?")
            .param(number).query(Long.class).single()).isEqualTo(1);

        assertThat(fixtures().managerOf(id).post("/api/v1/premises/compliance/notices/" + number + "/penalty",
            Map.of("reason", "my own penalty")).status()).isEqualTo(403);
        var schedule = officer.get("/api/v1/premises/compliance/penalty-schedule").json();
        assertThat(schedule.toString()).contains("\"category\":\"BANK\"").contains("\"demonstration\":true");
    }

    @Test
    void the_letter_is_a_pdf_in_english_and_urdu_naming_the_notice_and_its_deadline() throws Exception {
        long id = fixtures().school();
        String number = noticesOf(id).get(0).get("number").asString();
        var file = Files.createTempFile("notice", ".pdf");
        try {
            var letter = fixtures().managerOf(id).download("/api/v1/premises/compliance/notices/" + number + "/letter", file);
            assertThat(letter.status()).isEqualTo(200);
            assertThat(letter.headers().get("content-type")).startsWith("application/pdf");
            try (var pdf = Loader.loadPDF(file.toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains(number).contains("Notice of non-compliance").contains("Remedy by")
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} PKT");
                assertThat(text).containsPattern("[\\u0600-\\u06FF]");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_partner_never_sees_another_premises_notices_through_any_endpoint() {
        var f = fixtures();
        long a = f.school();
        long b = f.school();
        String ofB = noticesOf(b).get(0).get("number").asString();
        var managerA = f.managerOf(a);

        var listed = managerA.get("/api/v1/premises/compliance/notices?size=200").json();
        assertThat(listed).isNotEmpty().allSatisfy(n -> assertThat(n.get("premisesId").asLong()).isEqualTo(a));
        assertThat(managerA.get("/api/v1/premises/compliance/notices?overdue=true").json())
            .allSatisfy(n -> assertThat(n.get("premisesId").asLong()).isEqualTo(a));
        assertThat(managerA.get("/api/v1/premises/compliance/notices/" + ofB).status()).isEqualTo(404);
        var letter = managerA.send("GET", "/api/v1/premises/compliance/notices/" + ofB + "/letter", null, null,
            Map.of("Accept", "application/pdf, application/problem+json"));
        assertThat(letter.status()).isEqualTo(404);
        assertThat(as("MRD", Role.COMPLIANCE_OFFICER).get("/api/v1/premises/compliance/notices/" + ofB).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/premises/compliance/notices?status=CLOSED").status()).isEqualTo(400);
    }
}
