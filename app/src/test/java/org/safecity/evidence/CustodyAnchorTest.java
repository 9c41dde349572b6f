package org.safecity.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safecity.evidence.EvidenceFixtures.openCase;
import static org.safecity.evidence.EvidenceFixtures.uniquePng;
import static org.safecity.evidence.EvidenceFixtures.uploadItem;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.TestDatabase;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

/** The newest custody entries and the checkpoint that sealed them cannot vanish together unnoticed. */
class CustodyAnchorTest extends IntegrationTest {

    @Test
    void removing_the_newest_checkpoint_and_its_entries_as_a_superuser_is_reported_against_the_anchor() throws Exception {
        var officer = as(Role.INVESTIGATOR);
        String itemId = uploadItem(officer, openCase(officer), uniquePng(), "photo");
        var anchored = as(Role.SUPERVISOR).post("/api/v1/anchors", "{}");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(200);
        long checkpoint = -1;
        for (var anchor : anchored.json()) {
            if (anchor.get("log").asString().equals("custody")) {
                checkpoint = anchor.get("position").asLong();
            }
        }
        assertThat(checkpoint).isPositive();
        String missing = "custody checkpoint " + checkpoint + " is missing";
        assertThat(reports(check(), missing)).isFalse();

        try (var admin = TestDatabase.administrator(); var sql = admin.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temporary table kept_checkpoints as select * from evidence.checkpoint where seq >= " + checkpoint);
            sql.execute("create temporary table kept_entries as select * from evidence.custody_entry where item_id = '" + itemId + "'");
            sql.execute("delete from evidence.checkpoint where seq >= " + checkpoint);
            sql.execute("delete from evidence.custody_entry where item_id = '" + itemId + "'");
            try {
                var report = check();

                assertThat(report.get("intact").asBoolean()).isFalse();
                assertThat(reports(report, missing)).as(report.toString()).isTrue();
            } finally {
                sql.execute("insert into evidence.custody_entry select * from kept_entries");
                sql.execute("insert into evidence.checkpoint select * from kept_checkpoints");
            }
        }
        assertThat(reports(check(), missing)).isFalse();
    }

    private JsonNode check() {
        var response = as(Role.AUDITOR).post("/api/v1/evidence/integrity-check", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static boolean reports(JsonNode report, String text) {
        for (var problem : report.get("problems")) {
            if (problem.get("problem").asString().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
