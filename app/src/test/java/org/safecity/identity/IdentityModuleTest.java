package org.safecity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.safecity.ModuleScenarioTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.safecity.anchors.AnchorSigner;

/**
 * Identity's side of a revoked device key: a key resolved a moment ago is refused as soon as its issuer says it revoked
 * it, not when the remembered resolution runs out. The issuers (registry's devices, emergency's panic buttons, records'
 * sources) are outside this context; a key register of the test's plays one, as each of them answers {@link DeviceKeys}.
 */
@ModuleScenarioTest
class IdentityModuleTest {

    /** The evidence module signs the custody anchors; this context anchors nothing. */
    @MockitoBean
    AnchorSigner signer;

    /** The registry knows the cities and zones accounts are scoped to; no account is made here. */
    @MockitoBean
    Places places;

    /** The issuing module's keys as its table holds them; a revocation removes a row, as theirs does. */
    static final Map<String, Actor.Machine> ISSUED = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Issuer {

        @Bean
        DeviceKeys issuedDeviceKeys() {
            return presented -> Optional.ofNullable(ISSUED.get(presented));
        }
    }

    @Autowired
    DeviceKeys deviceKeys;

    @Test
    void a_revoked_device_key_is_refused_at_once_though_it_was_resolved_a_moment_ago(Scenario scenario) {
        String key = "sck_identity_module_" + System.nanoTime();
        var device = new Actor.Machine(4711, "Gate ANPR unit", Set.of(4711L));
        ISSUED.put(key, device);
        assertThat(deviceKeys.authenticate(key)).contains(device);

        ISSUED.remove(key);
        assertThat(deviceKeys.authenticate(key)).as("remembered for the device-key memory").contains(device);

        scenario.publish(new DeviceKeyRevoked("registry", device.deviceId()))
            .andWaitAtMost(Duration.ofSeconds(10))
            .andWaitForStateChange(() -> deviceKeys.authenticate(key).isEmpty(), refused -> refused)
            .andVerify(refused -> assertThat(deviceKeys.authenticate(key)).isEmpty());
    }
}
