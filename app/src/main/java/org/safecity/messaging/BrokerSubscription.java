package org.safecity.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription at an MQTT broker, kept up for as long as it runs: it connects in the
 * background until the broker answers (a broker that is down when SafeCity starts is retried, not
 * given up on), subscribes on every connection, and hands each message to its handler on the
 * client's thread. Paho acknowledges a QoS 1 message when the handler returns, so a handler that
 * stores before returning acknowledges only what is stored.
 */
public final class BrokerSubscription implements MqttCallback {

    /** Where the broker is, and SafeCity's own account there (username and password may be empty). */
    public record Broker(String url, String username, String password) {
    }

    /** What to do with a message; it is acknowledged when this returns. */
    @FunctionalInterface
    public interface Handler {
        void accept(String topic, byte[] payload) throws InterruptedException;
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(BrokerSubscription.class);

    private final String purpose;
    private final Broker broker;
    private final String clientId;
    private final String topicFilter;
    private final Duration persistentSession;
    private final Handler handler;
    private volatile MqttClient client;
    private volatile boolean running = true;
    private volatile boolean subscribed;
    private final Thread connector;
    private final ExecutorService answers;

    private BrokerSubscription(String purpose, Broker broker, String clientId, String topicFilter, Duration persistentSession,
                               Handler handler) {
        this.purpose = purpose;
        this.broker = broker;
        this.clientId = clientId;
        this.topicFilter = topicFilter;
        this.persistentSession = persistentSession;
        this.handler = handler;
        this.connector = Thread.ofVirtual().name("mqtt-connect-" + clientId).unstarted(this::connectUntilStopped);
        this.answers = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mqtt-answer-" + clientId).factory());
    }

    /**
     * Starts connecting and returns at once.
     *
     * @param purpose           what the messages are, for the log ("detections", "unit positions")
     * @param clientId          this subscription's client id at the broker; one id per client, or they evict each other
     * @param persistentSession how long the broker keeps the session and its QoS 1 messages while SafeCity is away;
     *                          null for a clean session each time
     */
    public static BrokerSubscription start(String purpose, Broker broker, String clientId, String topicFilter,
                                           Duration persistentSession, Handler handler) {
        var subscription = new BrokerSubscription(purpose, broker, clientId, topicFilter, persistentSession, handler);
        subscription.connector.start();
        return subscription;
    }

    /** Connected and subscribed: messages are being received. */
    public boolean listening() {
        var c = client;
        return subscribed && c != null && c.isConnected();
    }

    /**
     * Best effort (QoS 0): an answer to a device, which may or may not be listening. Sent from a thread of
     * its own: Paho's blocking publish never returns when called on its callback thread (inside a handler),
     * which stopped all further messages of the connection.
     */
    public void publish(String topic, byte[] payload) {
        answers.execute(() -> {
            var c = client;
            if (c == null || !c.isConnected()) {
                return;
            }
            try {
                c.publish(topic, payload, 0, false);
            } catch (MqttException e) {
                log.debug("Could not publish to {}: {}", topic, e.getMessage());
            }
        });
    }

    public void stop() {
        running = false;
        answers.shutdown();
        connector.interrupt();
        var c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000); // a message in hand is stored by now, or is redelivered later
                }
                c.close();
            } catch (MqttException e) {
                log.debug("MQTT client for {} did not close cleanly: {}", purpose, e.getMessage());
            }
        }
    }

    private void connectUntilStopped() {
        Duration wait = FIRST_RETRY;
        while (running) {
            try {
                var c = new MqttClient(broker.url(), clientId, new MemoryPersistence());
                c.setCallback(this);
                client = c;
                c.connect(options());
                log.info("Taking {} over MQTT from {} on {}", purpose, broker.url(), topicFilter);
                return;
            } catch (MqttException e) {
                log.warn("Cannot reach the MQTT broker at {} for {} ({}); trying again in {} s", broker.url(), purpose,
                    e.getMessage(), wait.toSeconds());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private MqttConnectionOptions options() {
        var options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        if (persistentSession != null) {
            options.setCleanStart(false);
            options.setSessionExpiryInterval(persistentSession.toSeconds());
        } else {
            options.setCleanStart(true);
        }
        if (broker.username() != null && !broker.username().isBlank()) {
            options.setUserName(broker.username());
            options.setPassword(broker.password() == null ? new byte[0] : broker.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            // The array form: in Paho 1.2.5 the single-topic subscribe with a listener calls itself until the stack overflows.
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter, 1)});
            subscribed = true;
        } catch (MqttException e) {
            log.error("Could not subscribe to {} for {}: {}", topicFilter, purpose, e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
        handler.accept(topic, message.getPayload());
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed = false;
        log.warn("MQTT broker disconnected {}: {}", purpose, response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error for {}: {}", purpose, exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
