package org.safecity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.identity.DeviceKeys;
import org.safecity.shared.InstanceNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second instance on the same database remembers a device key for 30 s, as every instance does;
 * a revocation through this instance makes it refuse the key at once, not when its memory runs out.
 */
class DeviceKeysOnTwoInstancesTest extends IntegrationTest {

    @Autowired
    ObjectProvider<DeviceKeys> issuers;

    @Autowired
    DataSource dataSource;

    private InstanceNotices otherNotices;
    private AnyDeviceKeys other;

    @BeforeEach
    void anotherInstance() {
        otherNotices = new InstanceNotices(dataSource);
        other = new AnyDeviceKeys(issuers, Duration.ofSeconds(30), otherNotices);
        otherNotices.start();
    }

    @AfterEach
    void stopIt() {
        otherNotices.stop();
    }

    @Test
    void a_key_revoked_through_one_instance_is_refused_by_another_that_remembered_it() {
        long camera = Reporting.mardanCamera(admin(), anonymous).cameraId();
        var issued = admin().post("/api/v1/devices", Map.of("name", "Box on two instances", "cameraIds", List.of(camera))).json();
        String key = issued.get("key").asString();
        assertThat(other.authenticate(key)).as("remembered from now on").isPresent();

        assertThat(admin().delete("/api/v1/devices/" + issued.get("id").asLong()).status()).isEqualTo(200);

        await("refused, though remembered for 30 s").atMost(Duration.ofSeconds(5)).until(() -> other.authenticate(key).isEmpty());
    }
}
