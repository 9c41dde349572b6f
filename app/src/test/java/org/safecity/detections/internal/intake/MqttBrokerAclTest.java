package org.safecity.detections.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.detections.Reporting;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.DeviceKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's guide's broker access control ({@code docs/mosquitto-detections.acl}) on a Mosquitto
 * of this test's own, with accounts and passwords: devices publish batches and read the answers,
 * and no device reads another's batch (which carries its key).
 */
class MqttBrokerAclTest extends IntegrationTest {

    private static final Path ACL = Path.of("..", "docs", "mosquitto-detections.acl");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    private JsonMapper json;

    private Path folder;
    private Process broker;
    private String url;
    private MqttIntake intake;
    private final List<MqttClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        var mosquitto = Path.of("/usr/sbin/mosquitto");
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(mosquitto), "Mosquitto is not installed (.ci/run installs it)");
        }
        json = context.getBean(JsonMapper.class);
        folder = Files.createTempDirectory("mosquitto");
        Path passwords = folder.resolve("passwords");
        passwd(passwords, "safecity", true);
        passwd(passwords, "device-a", false);
        passwd(passwords, "device-b", false);
        Path acl = folder.resolve("acl");
        Files.copy(ACL, acl);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path conf = folder.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous false",
            "password_file " + passwords, "acl_file " + acl, "persistence false", "user " + System.getProperty("user.name"), ""));
        broker = new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
            .redirectErrorStream(true).redirectOutput(folder.resolve("log").toFile()).start();
        url = "tcp://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                assertThat(System.nanoTime() < deadline).as("Mosquitto listening: " + Files.readString(folder.resolve("log"))).isTrue();
                Thread.sleep(50);
            }
        }
        intake = new MqttIntake(new MqttIntakeSettings(url, "safecity", password("safecity"), "safecity-acl-" + UUID.randomUUID(),
            Duration.ofSeconds(30)), context.getBean(IntakingDetections.class), context.getBean(DeviceKeys.class),
            context.getBean(DetectionSettings.class), json, context.getBean(org.safecity.cluster.InstanceRoles.class));
        intake.start();
        long subscribed = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!intake.listening() && System.nanoTime() < subscribed) {
            Thread.sleep(50);
        }
        assertThat(intake.listening()).as("SafeCity subscribed through the ACL").isTrue();
    }

    @AfterEach
    void stopBroker() throws Exception {
        for (var client : clients) {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 500, false);
            }
            client.close();
        }
        if (intake != null) {
            intake.stop();
        }
        if (broker != null) {
            broker.destroy();
            broker.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_device_publishes_a_batch_and_reads_its_answer_and_no_other_device_reads_the_batch() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        String key = admin().post("/api/v1/devices", Map.of("name", Reporting.unique("ACL unit"), "cameraIds", List.of(field.cameraId())))
            .json().get("key").asString();
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        var device = client("device-a", "safecity/detections/" + field.cameraId() + "/result", answers);
        BlockingQueue<String> overheard = new LinkedBlockingQueue<>();
        client("device-b", "safecity/detections/#", overheard);

        device.publish("safecity/detections/" + field.cameraId(), json.writeValueAsBytes(Map.of("deviceKey", key,
            "detections", List.of(Reporting.plateRead(field.cameraId(), "ACL 1001", Instant.now().minusSeconds(1))))), 1, false);

        String answer = answers.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("the answer, read by the device that sent the batch").isNotNull();
        assertThat(json.readTree(answer.substring(answer.indexOf(' ') + 1)).get("accepted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select plate from detections.sighting where camera_id = ?").param(field.cameraId())
            .query(String.class).list()).containsExactly("ACL1001");
        Thread.sleep(500);
        assertThat(overheard).as("another device hears answers only, never a batch with its key")
            .allMatch(m -> m.startsWith("safecity/detections/" + field.cameraId() + "/result "))
            .noneMatch(m -> m.contains(key));
    }

    @Test
    void a_device_cannot_answer_in_safecity_s_place_nor_sign_in_with_a_wrong_password() throws Exception {
        var field = Reporting.mardanCamera(admin(), anonymous);
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        client("device-a", "safecity/detections/" + field.cameraId() + "/result", answers);
        var forger = client("device-b", null, null);

        forger.publish("safecity/detections/" + field.cameraId() + "/result",
            "{\"accepted\": 99}".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(answers.poll(1, TimeUnit.SECONDS)).as("a forged answer is dropped by the broker").isNull();
        var stranger = new MqttClient(url, "stranger-" + UUID.randomUUID(), new MemoryPersistence());
        var options = new MqttConnectionOptions();
        options.setUserName("device-a");
        options.setPassword("wrong".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.connect(options))
            .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
        stranger.close();
    }

    private MqttClient client(String account, String filter, BlockingQueue<String> received) throws Exception {
        var client = new MqttClient(url, account + "-" + UUID.randomUUID(), new MemoryPersistence());
        clients.add(client);
        var options = new MqttConnectionOptions();
        options.setUserName(account);
        options.setPassword(password(account).getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        if (filter != null) {
            try {
                client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {
                    (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8))});
            } catch (org.eclipse.paho.mqttv5.common.MqttException refused) {
                // a broker may refuse a whole filter it cannot grant; the test then sees nothing arrive
            }
        }
        return client;
    }

    private void passwd(Path file, String account, boolean create) throws Exception {
        var command = create ? List.of("mosquitto_passwd", "-b", "-c", file.toString(), account, password(account))
            : List.of("mosquitto_passwd", "-b", file.toString(), account, password(account));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
    }

    private static String password(String account) {
        return "pw-" + account + "-" + ProcessHandle.current().pid();
    }
}
