package org.safecity.detections.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.DeviceKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Detections over MQTT through the real Mosquitto on this machine (127.0.0.1:1883). */
class MqttIntakeTest extends IntegrationTest {

    private static final String BROKER = "tcp://127.0.0.1:1883";

    @Autowired
    IntakingDetections intaking;
    @Autowired
    DeviceKeys keys;
    @Autowired
    DetectionSettings detectionSettings;
    @Autowired
    JsonMapper json;
    @Autowired
    org.safecity.cluster.InstanceRoles roles;
    @Autowired
    JdbcClient jdbc;

    private final MqttIntakeSettings settings = new MqttIntakeSettings(BROKER, null, null,
        "safecity-test-" + UUID.randomUUID(), Duration.ofSeconds(30));
    private MqttIntake intake;
    private MqttClient device;
    private final BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        boolean up;
        try (var socket = new Socket("127.0.0.1", 1883)) {
            up = socket.isConnected();
        } catch (java.io.IOException e) {
            up = false;
        }
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(up, "no MQTT broker at " + BROKER);
        }
        intake = new MqttIntake(settings, intaking, keys, detectionSettings, json, roles);
        intake.start();
        awaitListening(intake);
        device = new MqttClient(BROKER, "test-device-" + UUID.randomUUID(), new MemoryPersistence());
        device.connect(new MqttConnectionOptions());
        device.subscribe(new MqttSubscription[] {new MqttSubscription("safecity/detections/+/result", 1)},
            new IMqttMessageListener[] {(topic, message) -> results.add(json.readTree(message.getPayload()))});
    }

    @AfterEach
    void disconnect() throws Exception {
        if (device != null) {
            device.disconnectForcibly(0, 500, false);
            device.close();
        }
        if (intake != null) {
            intake.stop();
        }
    }

    private JsonNode publish(long cameraId, Map<String, Object> body) throws Exception {
        device.publish("safecity/detections/" + cameraId, json.writeValueAsBytes(body), 1, false);
        JsonNode result = results.poll(10, TimeUnit.SECONDS);
        assertThat(result).as("an answer on the result topic").isNotNull();
        return result;
    }

    @Test
    void a_batch_published_with_the_device_key_is_stored_like_an_http_batch() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String key = deviceKey(field.cameraId());

        var result = publish(field.cameraId(), Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(field.cameraId(), "MQT 7781", Instant.now().minusSeconds(1)))));

        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("MQT7781");
    }

    @Test
    void a_message_without_a_valid_device_key_stores_nothing() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);

        var result = publish(field.cameraId(), Map.of("deviceKey", "scd_not-a-key",
            "detections", List.of(Reporting.plateRead(field.cameraId(), "MQT 0001", Instant.now()))));

        assertThat(result.get("error").asString()).contains("deviceKey");
        assertThat(jdbc.sql("select count(*) from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(Long.class).single()).isZero();
    }

    @Test
    void a_device_key_revoked_is_refused_on_the_next_message_as_over_http() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var issued = admin().post("/api/v1/devices", Map.of("name", Reporting.unique("MQTT unit"), "cameraIds", List.of(field.cameraId())))
            .json();
        String key = issued.get("key").asString();
        assertThat(publish(field.cameraId(), Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(field.cameraId(), "MQT 0004", Instant.now())))).get("accepted").asInt()).isEqualTo(1);

        assertThat(admin().delete("/api/v1/devices/" + issued.get("id").asLong()).status()).isEqualTo(200);
        var result = publish(field.cameraId(), Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(field.cameraId(), "MQT 0005", Instant.now()))));

        assertThat(result.get("error").asString()).contains("revoked");
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("MQT0004");
    }

    @Test
    void an_item_for_another_of_the_device_s_cameras_than_the_topic_s_is_stored_and_the_answer_says_so() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var other = Reporting.mardanCamera(admin(), anonymous);
        String key = deviceKey(field.cameraId(), other.cameraId());

        var result = publish(field.cameraId(), Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(other.cameraId(), "MQT 0002", Instant.now()))));

        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        assertThat(result.get("otherCameras").get("topicCamera").asLong()).isEqualTo(field.cameraId());
        assertThat(result.get("otherCameras").get("items").get(0).get("cameraId").asLong()).isEqualTo(other.cameraId());
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(other.cameraId())
            .query(String.class).list()).containsExactly("MQT0002");
    }

    @Test
    void an_item_for_a_camera_the_device_does_not_report_for_is_rejected_whatever_the_topic() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        var other = Reporting.mardanCamera(admin(), anonymous);
        String key = deviceKey(field.cameraId());

        var result = publish(field.cameraId(), Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(other.cameraId(), "MQT 0006", Instant.now()))));

        assertThat(result.get("accepted").asInt()).isZero();
        assertThat(result.get("rejected").get(0).get("index").asInt()).isZero();
    }

    @Test
    void a_message_that_is_not_json_is_answered_with_where_it_breaks_and_no_parser_text() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);

        device.publish("safecity/detections/" + field.cameraId(),
            "{\"deviceKey\": \"scd_x\",\n \"detections\": [{\"cameraId\": 1,}]}".getBytes(StandardCharsets.UTF_8), 1, false);
        JsonNode result = results.poll(10, TimeUnit.SECONDS);

        assertThat(result).as("an answer on the result topic").isNotNull();
        assertThat(result.get("line").asInt()).isEqualTo(2);
        assertThat(result.get("column").asInt()).isPositive();
        assertThat(result.get("error").asString()).startsWith("not a detection batch: the message is not valid JSON at line 2")
            .doesNotContain("Unexpected character", "tools.jackson", "source:", "REDACTED");
    }

    @Test
    void a_batch_published_while_safecity_is_away_is_stored_when_it_reconnects() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String key = deviceKey(field.cameraId());
        intake.stop();

        device.publish("safecity/detections/" + field.cameraId(), json.writeValueAsBytes(Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(field.cameraId(), "MQT 0003", Instant.now().minusSeconds(1))))), 1, false);
        intake = new MqttIntake(settings, intaking, keys, detectionSettings, json, roles);
        intake.start();
        JsonNode result = results.poll(10, TimeUnit.SECONDS);

        assertThat(result).as("an answer once SafeCity is back").isNotNull();
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("MQT0003");
    }

    private String deviceKey(Long... cameraIds) {
        return admin().post("/api/v1/devices", Map.of("name", Reporting.unique("MQTT unit"), "cameraIds", List.of(cameraIds)))
            .json().get("key").asString();
    }

    /** The intake connects in the background; a test publishes once it is subscribed. */
    private static void awaitListening(MqttIntake intake) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!intake.listening() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(intake.listening()).as("subscribed at the broker").isTrue();
    }
}
