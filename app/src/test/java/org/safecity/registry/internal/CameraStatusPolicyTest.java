package org.safecity.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.registry.CameraStatus;

class CameraStatusPolicyTest {

    @Test
    void a_planned_camera_may_take_any_status() {
        for (CameraStatus to : CameraStatus.values()) {
            assertThat(CameraStatusPolicy.decide(CameraStatus.PLANNED, to)).isInstanceOf(CameraStatusPolicy.Allowed.class);
        }
    }

    @Test
    void an_installed_camera_moves_between_health_states_but_never_back_to_planned() {
        assertThat(CameraStatusPolicy.decide(CameraStatus.ONLINE, CameraStatus.FAULTY)).isInstanceOf(CameraStatusPolicy.Allowed.class);
        assertThat(CameraStatusPolicy.decide(CameraStatus.OFFLINE, CameraStatus.ONLINE)).isInstanceOf(CameraStatusPolicy.Allowed.class);
        assertThat(CameraStatusPolicy.decide(CameraStatus.INSTALLED, CameraStatus.PLANNED)).isInstanceOf(CameraStatusPolicy.Refused.class);
    }

    @Test
    void being_heard_from_brings_a_camera_online_unless_a_person_marked_it_faulty() {
        assertThat(CameraStatusPolicy.whenSeen(CameraStatus.OFFLINE)).isEqualTo(CameraStatus.ONLINE);
        assertThat(CameraStatusPolicy.whenSeen(CameraStatus.INSTALLED)).isEqualTo(CameraStatus.ONLINE);
        assertThat(CameraStatusPolicy.whenSeen(CameraStatus.ONLINE)).isNull();
        assertThat(CameraStatusPolicy.whenSeen(CameraStatus.FAULTY)).isNull();
    }
}
