package org.safecity.registry.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.registry.CameraInstallation;

class InstallationPolicyTest {

    @Test
    void a_planned_camera_may_take_any_installation() {
        for (CameraInstallation to : CameraInstallation.values()) {
            assertThat(InstallationPolicy.decide(CameraInstallation.PLANNED, to)).isInstanceOf(InstallationPolicy.Allowed.class);
        }
    }

    @Test
    void an_installed_camera_moves_between_installed_and_faulty_but_never_back_to_planned() {
        assertThat(InstallationPolicy.decide(CameraInstallation.INSTALLED, CameraInstallation.FAULTY)).isInstanceOf(InstallationPolicy.Allowed.class);
        assertThat(InstallationPolicy.decide(CameraInstallation.FAULTY, CameraInstallation.INSTALLED)).isInstanceOf(InstallationPolicy.Allowed.class);
        assertThat(InstallationPolicy.decide(CameraInstallation.INSTALLED, CameraInstallation.PLANNED)).isInstanceOf(InstallationPolicy.Refused.class);
        assertThat(InstallationPolicy.decide(CameraInstallation.FAULTY, CameraInstallation.PLANNED)).isInstanceOf(InstallationPolicy.Refused.class);
    }

    @Test
    void a_planned_camera_heard_from_is_on_its_pole_and_nothing_else_changes() {
        assertThat(InstallationPolicy.whenSeen(CameraInstallation.PLANNED)).isEqualTo(CameraInstallation.INSTALLED);
        assertThat(InstallationPolicy.whenSeen(CameraInstallation.INSTALLED)).isNull();
        assertThat(InstallationPolicy.whenSeen(CameraInstallation.FAULTY)).isNull();
    }
}
