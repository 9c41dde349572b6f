package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

class DashboardTest extends IntegrationTest {

    @Test
    void the_trend_counts_premises_by_status_at_the_end_of_each_week_oldest_first() {
        var trend = as(Role.SUPERVISOR).get("/api/v1/premises/compliance/trend?weeks=3");

        assertThat(trend.status()).isEqualTo(200);
        assertThat(trend.json()).hasSize(3);
        var thisWeek = trend.json().get(2);
        assertThat(thisWeek.get("weekEnding").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Karachi")).toString());
        assertThat(thisWeek.get("NOT_REGISTERED").asLong() + thisWeek.get("NON_COMPLIANT").asLong()).isPositive();
        assertThat(as(Role.SUPERVISOR).get("/api/v1/premises/compliance/trend?weeks=0").isProblem()).isTrue();
    }

    @Test
    void the_register_exports_as_csv_and_a_name_a_spreadsheet_would_run_opens_as_text() {
        var body = PremisesTest.school(PremisesTest.licence());
        body.put("name", "=HYPERLINK(\"http://example.invalid\",\"click\")");
        assertThat(admin().post("/api/v1/premises", body).status()).isEqualTo(201);

        var csv = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/export?category=SCHOOL");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id,name,category,owner_kind,owner_number,");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\"");
        assertThat(csv.body()).contains((String) body.get("licenceNumber"));
    }

    @Test
    void each_dashboard_table_exports_as_csv_and_a_partner_reaches_none() {
        var city = as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/compliance/export?table=city");
        assertThat(city.status()).isEqualTo(200);
        assertThat(city.body()).startsWith("city,NOT_REGISTERED,PENDING,NON_COMPLIANT,COMPLIANT,total").contains("PSH,");
        assertThat(as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/compliance/export?table=trend").body()).startsWith("weekEnding,");
        assertThat(as(Role.COMPLIANCE_OFFICER).get("/api/v1/premises/compliance/export?table=people").status()).isEqualTo(400);
        var partner = as(Role.PARTNER);
        assertThat(partner.get("/api/v1/premises/compliance/export?table=city").status()).isEqualTo(403);
        assertThat(partner.get("/api/v1/premises/export").status()).isEqualTo(403);
        assertThat(partner.get("/api/v1/premises/compliance/trend").status()).isEqualTo(403);
    }
}
