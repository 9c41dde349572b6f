package org.safecity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real Mosquitto of its own, on a free port, so it can start it late. */
class BrokerSubscriptionTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path directory;

    @Test
    void a_broker_that_is_down_at_start_is_reached_once_it_comes_up_and_messages_then_arrive() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO), "Mosquitto is not installed");
        }
        int port = freePort();
        String url = "tcp://127.0.0.1:" + port;
        var received = new LinkedBlockingQueue<String>();
        var subscription = BrokerSubscription.start("test messages", new BrokerSubscription.Broker(url, null, null),
            "test-" + UUID.randomUUID(), "safecity/test/+", null,
            (topic, payload) -> received.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
        Process broker = null;
        try {
            Thread.sleep(1_500);
            assertThat(subscription.listening()).as("no broker yet").isFalse();

            Path config = directory.resolve("mosquitto.conf");
            Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("mosquitto.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (!subscription.listening() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(subscription.listening()).as("subscribed once the broker is up").isTrue();

            var publisher = new MqttClient(url, "publisher-" + UUID.randomUUID(), new MemoryPersistence());
            publisher.connect(new MqttConnectionOptions());
            publisher.publish("safecity/test/7", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();
            publisher.close();

            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("safecity/test/7 hello");
        } finally {
            subscription.stop();
            if (broker != null) {
                broker.destroy();
                broker.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
