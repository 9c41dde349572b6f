package org.safecity.emergency.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.safecity.identity.Jurisdiction;
import org.safecity.shared.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unit positions (AVL) over MQTT: subscribes to {@code safecity/avl/{unitId}} and records each
 * {@code {"lat", "lon", "at"}} message as the HTTP endpoint does. Only runs when
 * {@code safecity.mqtt.url} is set; keeps trying to connect while the broker is away.
 * A message that cannot be used is logged and dropped: there is no one to answer.
 */
@Component
@ConditionalOnExpression("!'${safecity.mqtt.url:}'.isBlank()")
class MqttPositions implements SmartLifecycle, MqttCallback {

    private static final Logger log = LoggerFactory.getLogger(MqttPositions.class);
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MqttSettings settings;
    private final UnitStore units;
    private final UnitProgress progress;
    private volatile MqttClient client;
    private volatile boolean running;
    private volatile boolean subscribed;
    private Thread connector;

    MqttPositions(MqttSettings settings, UnitStore units, UnitProgress progress) {
        this.settings = settings;
        this.units = units;
        this.progress = progress;
    }

    @Override
    public void start() {
        running = true;
        connector = Thread.ofVirtual().name("mqtt-avl-connect").start(this::connectUntilStopped);
    }

    private void connectUntilStopped() {
        // The detections intake holds the configured client id; two clients under one id would keep evicting each other.
        String clientId = settings.clientId() != null && !settings.clientId().isBlank() ? settings.clientId() + "-avl"
            : "safecity-avl-" + UUID.randomUUID().toString().substring(0, 8);
        while (running) {
            try {
                var c = new MqttClient(settings.url(), clientId, new MemoryPersistence());
                c.setCallback(this);
                var options = new MqttConnectionOptions();
                options.setAutomaticReconnect(true);
                options.setCleanStart(true);
                options.setConnectionTimeout(10);
                if (settings.username() != null && !settings.username().isBlank()) {
                    options.setUserName(settings.username());
                    options.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
                }
                client = c;
                c.connect(options);
                log.info("Listening for unit positions on {} at {}", settings.topic(), settings.url());
                return;
            } catch (MqttException e) {
                log.warn("Cannot reach the MQTT broker at {} ({}); trying again in {} s", settings.url(), e.getMessage(), RETRY.toSeconds());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        try {
            // A clean start forgets subscriptions, so subscribe on every (re)connection.
            client().subscribe(settings.topic(), 1);
            subscribed = true;
        } catch (MqttException e) {
            log.error("Could not subscribe to {}: {}", settings.topic(), e.getMessage());
        }
    }

    private MqttClient client() {
        return client;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            long unitId = Long.parseLong(topic.substring(topic.lastIndexOf('/') + 1));
            JsonNode json = JSON.readTree(message.getPayload());
            var point = new GeoPoint(json.get("lat").asDouble(), json.get("lon").asDouble());
            Instant at = json.hasNonNull("at") ? Instant.parse(json.get("at").asString()) : null;
            var unit = units.find(unitId, Jurisdiction.PROVINCE);
            if (unit.isEmpty()) {
                log.warn("Position on {} for an unknown unit; dropped", topic);
                return;
            }
            progress.recordPosition(unit.get(), point, at, "AVL " + unit.get().callSign());
        } catch (RuntimeException e) {
            log.warn("Unusable position message on {} dropped: {}", topic, e.getMessage());
        }
    }

    /** Whether positions are being received: connected and subscribed. */
    boolean listening() {
        var c = client;
        return subscribed && c != null && c.isConnected();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        subscribed = false;
        log.warn("MQTT broker disconnected: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        var c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000);
                }
                c.close();
            } catch (MqttException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
