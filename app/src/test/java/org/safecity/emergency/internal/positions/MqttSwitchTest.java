package org.safecity.emergency.internal.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.safecity.emergency.internal.units.UnitProgress;
import org.safecity.emergency.internal.units.UnitStore;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The MQTT subscriber exists only when a broker address is configured, so the plain run command needs no broker. */
class MqttSwitchTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withBean(MqttSettings.class, () -> new MqttSettings("tcp://127.0.0.1:1", null, null, null, null))
        .withBean(UnitStore.class, () -> mock(UnitStore.class))
        .withBean(UnitProgress.class, () -> mock(UnitProgress.class))
        .withUserConfiguration(MqttPositions.class);

    @Test
    void no_broker_address_means_no_subscriber() {
        context.run(started -> assertThat(started).doesNotHaveBean(MqttPositions.class));
        context.withPropertyValues("safecity.mqtt.url=").run(started -> assertThat(started).doesNotHaveBean(MqttPositions.class));
    }

    @Test
    void a_broker_address_starts_the_subscriber() {
        context.withPropertyValues("safecity.mqtt.url=tcp://127.0.0.1:1")
            .run(started -> assertThat(started).hasSingleBean(MqttPositions.class));
    }
}
