package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraInstallation;
import org.safecity.registry.CameraInstallationChanged;
import org.safecity.registry.CameraPresence.Observed;
import org.safecity.registry.CameraPresenceChanged;
import org.safecity.registry.PartnerCameraRegister;
import org.safecity.partners.internal.compliance.EvaluatingCompliance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.safecity.traffic.VehicleRegistrations;

/**
 * The partners' side of the registry's camera changes: a premises' standing under the Act is judged again as soon as one
 * of its cameras is heard from, falls silent or has its installation changed, not at the next scheduled evaluation (which
 * this web-only context does not run). The premises stand in Karak, where none of the suite's maps look.
 */
@ModuleScenarioTest
class PartnersModuleTest {

    /** The records module answers e-challan's owner lookups; no challan is issued here. */
    @MockitoBean
    VehicleRegistrations registrations;

    @Autowired
    PartnerCameraRegister register;

    @Autowired
    CameraDirectory directory;

    @Autowired
    EvaluatingCompliance evaluating;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_camera_heard_from_at_last_clears_its_premises_of_never_having_sent_video(Scenario scenario) {
        long premises = petrolStation();
        long camera = camera(premises);
        // joined an hour ago and never heard from since: longer than the quarter of an hour a new camera is given
        jdbc.sql("update registry.camera set created_at = now() - interval '1 hour' where id = ?").param(camera).update();
        evaluating.evaluate(premises);
        assertThat(reasons(premises)).contains("NOT_HEARD_FROM");

        Instant heard = Instant.now();
        scenario.stimulate(() -> directory.markSeen(camera, heard))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> reasons(premises), reasons -> !reasons.contains("NOT_HEARD_FROM"))
            .andVerify(reasons -> assertThat(reasons).contains("TOO_FEW_CAMERAS"));
        long changes = changes(premises);

        // handed over again (a publication resubmitted): the standing is the same, and no second change is written
        scenario.publish(new CameraPresenceChanged(camera, Observed.ONLINE, heard))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> unfinished(camera), n -> n == 0)
            .andVerify(n -> assertThat(changes(premises)).isEqualTo(changes));
    }

    @Test
    void a_camera_marked_faulty_has_its_premises_judged_at_once(Scenario scenario) {
        long premises = petrolStation();
        long camera = camera(premises);
        assertThat(status(premises)).as("registered but not yet judged").isEqualTo("NOT_REGISTERED");

        scenario.publish(new CameraInstallationChanged(camera, CameraInstallation.INSTALLED, CameraInstallation.FAULTY, Instant.now()))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> status(premises), status -> !status.equals("NOT_REGISTERED"))
            .andVerify(status -> {
                assertThat(status).isEqualTo("NON_COMPLIANT");
                assertThat(reasons(premises)).contains("TOO_FEW_CAMERAS", "POINT_NOT_COVERED");
            });
    }

    /** A registered petrol station under the Act since 2025 (four cameras and three points required); its id. */
    private long petrolStation() {
        String licence = "KRK-PS-" + System.nanoTime();
        return jdbc.sql("""
                insert into partners.premises (name, category, owner_kind, owner_number, address, city_code, lat, lon, licence_number,
                    act_applies_from, registration)
                values ('Karak Filling Station', 'PETROL_STATION', 'NTN', '4471234-5', 'Bannu Road, Karak', 'KRK', 33.1230, 71.1015, ?,
                    date '2025-01-01', 'REGISTERED') returning id""")
            .param(licence).query(Long.class).single();
    }

    /** A view-only camera of the premises: the suite's recorders leave it alone. */
    private long camera(long premises) {
        return register.enrol(new PartnerCameraRegister.Premises(premises, "Karak Filling Station", "KRK", null, 33.1230, 71.1015),
            new PartnerCameraRegister.NewCamera("Forecourt " + premises, "rtsp://10.79.0.1:554/" + premises, null, "1920x1080",
                "Dahua", "IPC-HFW2431S", false)).cameraId();
    }

    private String status(long premises) {
        return jdbc.sql("select compliance_status from partners.premises where id = ?").param(premises).query(String.class).single();
    }

    /** The codes of the reasons the premises stands where it does, in one string. */
    private String reasons(long premises) {
        return jdbc.sql("select coalesce(string_agg(r ->> 'code', ' '), '') from partners.premises, jsonb_array_elements(compliance_reasons) r "
            + "where id = ?").param(premises).query(String.class).single();
    }

    private long changes(long premises) {
        return jdbc.sql("select count(*) from partners.compliance_change where premises_id = ?").param(premises).query(Long.class).single();
    }

    private long unfinished(long camera) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
            .param("%\"cameraId\":" + camera + ",%").query(Long.class).single();
    }
}
