package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class NetworkImportTest extends IntegrationTest {

    private static final String SITE_HEADER = "name,kind,lat,lon,city,zone,phase,status,status_on\n";
    private static final String CAMERA_HEADER = "site_id,site_name,city,name,make,model,resolution,type,heading,field_of_view,"
        + "main_stream,sub_stream,username,password,owner,partner_id,status,installed_on\n";

    @Autowired
    JdbcClient jdbc;

    private static SafeCityApi.Response csv(SafeCityApi api, String path, String body) {
        return api.post(path, "text/csv", body);
    }

    private static List<String> errors(SafeCityApi.Response response) {
        var list = new ArrayList<String>();
        response.json().get("errors").forEach(e -> list.add(e.get("field").asString() + ": " + e.get("problem").asString()));
        return list;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from registry." + table).query(Long.class).single();
    }

    @Test
    void sites_are_imported_from_a_spreadsheet() {
        String a = Network.unique("Kohat Road Chowk");
        String b = Network.unique("Kohat Tunnel");
        String file = SITE_HEADER
            + a + ",junction,33.5869,71.4429,KHT,,4,PLANNED,\n"
            + "\"" + b + "\",entry,33.6000,71.4500,Kohat,,4,SURVEYED,2026-10-01\n";

        var response = csv(admin(), "/api/v1/imports/sites", file);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("imported").asInt()).isEqualTo(2);
        var listed = admin().get("/api/v1/sites?city=KHT&size=1000").body();
        assertThat(listed).contains(a, b);
    }

    @Test
    void one_bad_row_stores_nothing_and_every_bad_row_is_reported_by_its_spreadsheet_row() {
        String file = SITE_HEADER
            + Network.unique("Good one") + ",junction,33.5869,71.4429,KHT,,4,,\n"
            + Network.unique("Bad kind") + ",car park,33.5869,71.4429,KHT,,4,,\n"
            + Network.unique("Good two") + ",bazaar,33.5869,71.4429,KHT,,4,,\n"
            + ",bazaar,north,71.4429,KHT,,4,,\n";
        long before = count("site");

        var response = csv(admin(), "/api/v1/imports/sites", file);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(errors(response)).anyMatch(e -> e.startsWith("row 3: kind must be one of"))
            .anyMatch(e -> e.equals("row 5: name is required"))
            .anyMatch(e -> e.startsWith("row 5: lat must be a number"))
            .noneMatch(e -> e.startsWith("row 2") || e.startsWith("row 4"));
        assertThat(count("site")).isEqualTo(before);
    }

    @Test
    void a_dry_run_checks_the_file_and_stores_nothing() {
        String file = SITE_HEADER + Network.unique("Dry run") + ",junction,33.5869,71.4429,KHT,,4,,\n";
        long before = count("site");

        var response = csv(admin(), "/api/v1/imports/sites?dryRun=true", file);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("imported").asInt()).isZero();
        assertThat(response.json().get("valid").asInt()).isEqualTo(1);
        assertThat(count("site")).isEqualTo(before);
    }

    @Test
    void cameras_are_imported_naming_their_site_by_id_or_by_name_and_city() {
        String siteName = Network.unique("Karak Chowk");
        csv(admin(), "/api/v1/imports/sites", SITE_HEADER + siteName + ",junction,33.1167,71.0947,KRK,,3,,\n");
        long siteId = admin().get("/api/v1/sites?city=KRK&size=1000").json().get("items").valueStream()
            .filter(s -> s.get("name").asString().equals(siteName)).findFirst().orElseThrow().get("id").asLong();
        String file = CAMERA_HEADER
            + siteId + ",,,Karak ANPR in,Dahua,ITC437-PW6M-IZ-GN,2688x1520,ANPR,90,30,rtsp://10.50.1.11:554/cam/realmonitor?channel=1&subtype=0,,admin,imported-secret-1,,,INSTALLED,2026-10-01\n"
            + ",\"" + siteName + "\",KRK,Karak PTZ,Axis,Q6135-LE,1920x1080,PTZ,,,rtsp://10.50.1.12:554/axis-media/media.amp,,,,,,PLANNED,\n";

        var response = csv(admin(), "/api/v1/imports/cameras", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("imported").asInt()).isEqualTo(2);
        var cameras = admin().get("/api/v1/cameras?siteId=" + siteId).json();
        assertThat(cameras.get("total").asInt()).isEqualTo(2);
        assertThat(cameras.toString()).doesNotContain("imported-secret-1");
        var stored = jdbc.sql("select credentials from registry.camera where site_id = ? and credentials is not null")
            .param(siteId).query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("imported-secret-1");
    }

    @Test
    void a_camera_file_may_give_each_camera_its_onvif_address_which_is_checked_as_in_the_api() {
        long siteId = Network.mardanSite(admin());
        String header = "site_id,name,make,model,resolution,type,main_stream,onvif_address\n";
        String good = siteId + ",Mardan PTZ,Axis,Q6135-LE,1920x1080,PTZ,rtsp://10.61.1.12:554/axis-media/media.amp,"
            + "http://10.61.1.12/onvif/device_service\n";
        String bad = siteId + ",Mardan PTZ 2,Axis,Q6135-LE,1920x1080,PTZ,rtsp://10.61.1.13:554/axis-media/media.amp,ftp://10.61.1.13/\n";

        var refused = csv(admin(), "/api/v1/imports/cameras", header + good + bad);
        var imported = csv(admin(), "/api/v1/imports/cameras", header + good);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errors(refused)).anyMatch(e -> e.startsWith("row 3: onvif_address must be an http://"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var cameras = admin().get("/api/v1/cameras?siteId=" + siteId).json().get("items");
        assertThat(cameras.valueStream().map(c -> c.get("onvifAddress").asString())).containsExactly("http://10.61.1.12/onvif/device_service");
    }

    @Test
    void a_camera_file_with_a_wrong_heading_and_an_unknown_site_stores_nothing() {
        long siteId = Network.mardanSite(admin());
        String file = CAMERA_HEADER
            + siteId + ",,,Fine,Hikvision,DS-2CD7A26G0,1920x1080,FIXED,10,90,rtsp://10.60.1.11:554/Streaming/Channels/101,,,,,,,\n"
            + siteId + ",,,Turned too far,Hikvision,DS-2CD7A26G0,1920x1080,FIXED,400,90,rtsp://10.60.1.12:554/Streaming/Channels/101,,,,,,,\n"
            + ",No such site,MRD,Lost,Hikvision,DS-2CD7A26G0,1920x1080,FIXED,10,90,rtsp://10.60.1.13:554/Streaming/Channels/101,,,,,,,\n";
        long before = count("camera");

        var response = csv(admin(), "/api/v1/imports/cameras", file);

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).contains("row 3: heading must be between 0 and 359")
            .anyMatch(e -> e.startsWith("row 4: site_name is not a site in service"));
        assertThat(count("camera")).isEqualTo(before);
    }

    @Test
    void an_unknown_column_is_reported_against_the_header_row() {
        var response = csv(admin(), "/api/v1/imports/sites", "name,kind,lat,lon,city,phase,colour\nX,junction,33.5,71.4,KHT,4,red\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).anyMatch(e -> e.startsWith("row 1: column 'colour'"));
    }

    @Test
    void a_large_site_file_is_imported_in_batches() {
        var file = new StringBuilder(SITE_HEADER);
        String prefix = Network.unique("Batch");
        for (int i = 0; i < 2000; i++) {
            file.append(prefix).append(" site ").append(i).append(",other,")
                .append(32.6075 + i * 0.00001).append(",70.9114,LKM,,3,,\n");
        }
        long started = System.nanoTime();

        var response = csv(admin(), "/api/v1/imports/sites", file.toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("imported").asInt()).isEqualTo(2000);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(15_000);
    }
}
