package org.safecity.emergency.internal.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.emergency.Scene;
import org.safecity.emergency.internal.units.UnitProgress;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Unit positions over a real MQTT broker (Mosquitto on 127.0.0.1:1883). The subscriber under test
 * listens on a topic root of its own, so test runs sharing the broker never move each other's units.
 */
class AvlOverMqttTest extends IntegrationTest {

    private static final String BROKER = "tcp://127.0.0.1:1883";

    @Autowired
    UnitStore units;

    @Autowired
    UnitProgress progress;

    @Autowired
    ApplicationContext context;

    @Test
    void a_position_published_on_the_broker_moves_the_unit() throws Exception {
        assumeBroker();
        var dispatcher = as(Scene.CITY, Role.DISPATCHER);
        var scene = Scene.fresh(dispatcher);
        long unit = scene.unit("POLICE_CAR", scene.spot);
        var target = scene.at(850, 135);
        String root = "safecity-test-" + UUID.randomUUID();
        var subscriber = new MqttPositions(new MqttSettings(BROKER, null, null, root + "/avl/+", null), units, progress);
        subscriber.start();
        try {
            waitUntil(subscriber::listening);
            String at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            var publisher = new MqttClient(BROKER, "safecity-test-publisher-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
            try {
                publisher.connect(new MqttConnectionOptions());
                var message = new MqttMessage(("{\"lat\":" + target.lat() + ",\"lon\":" + target.lon() + ",\"at\":\"" + at + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                publisher.publish(root + "/avl/" + unit, message);
                publisher.disconnect();
            } finally {
                publisher.close();
            }

            waitUntil(() -> dispatcher.get("/api/v1/units/" + unit).json().get("position").get("lat").asDouble() == target.lat());
            var moved = dispatcher.get("/api/v1/units/" + unit).json();
            assertThat(moved.get("position").get("lon").asDouble()).isEqualTo(target.lon());
            assertThat(Instant.parse(moved.get("positionAt").asString())).isEqualTo(Instant.parse(at));
            assertThat(moved.get("silent").asBoolean()).isFalse();
        } finally {
            subscriber.stop();
        }
    }

    @Test
    void the_subscriber_listens_on_safecity_avl_by_default() {
        assertThat(new MqttSettings(BROKER, null, null, null, null).topic()).isEqualTo("safecity/avl/+");
    }

    @Test
    void without_a_broker_address_nothing_subscribes() {
        assertThat(context.getBeansOfType(MqttPositions.class)).isEmpty();
    }

    private static void assumeBroker() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 1883), 1_000);
        } catch (java.io.IOException e) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("no MQTT broker on 127.0.0.1:1883", e);
            }
            Assumptions.abort("no MQTT broker on 127.0.0.1:1883; skipping");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(50);
        }
    }
}
