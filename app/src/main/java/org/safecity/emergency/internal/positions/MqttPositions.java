package org.safecity.emergency.internal.positions;

import java.time.Instant;
import java.util.UUID;
import org.safecity.emergency.internal.units.UnitProgress;
import org.safecity.emergency.internal.units.UnitStore;
import org.safecity.identity.Jurisdiction;
import org.safecity.messaging.BrokerSubscription;
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
class MqttPositions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttPositions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MqttSettings settings;
    private final UnitStore units;
    private final UnitProgress progress;
    private volatile BrokerSubscription subscription;
    private volatile boolean running;

    MqttPositions(MqttSettings settings, UnitStore units, UnitProgress progress) {
        this.settings = settings;
        this.units = units;
        this.progress = progress;
    }

    @Override
    public void start() {
        running = true;
        // The detections intake holds the configured client id; two clients under one id would keep evicting each other.
        String clientId = settings.clientId() != null && !settings.clientId().isBlank() ? settings.clientId() + "-avl"
            : "safecity-avl-" + UUID.randomUUID().toString().substring(0, 8);
        subscription = BrokerSubscription.start("unit positions",
            new BrokerSubscription.Broker(settings.url(), settings.username(), settings.password()),
            clientId, settings.topic(), null, this::messageArrived);
    }

    /** Whether positions are being received: connected and subscribed. */
    boolean listening() {
        var s = subscription;
        return s != null && s.listening();
    }

    void messageArrived(String topic, byte[] payload) {
        try {
            long unitId = Long.parseLong(topic.substring(topic.lastIndexOf('/') + 1));
            JsonNode json = JSON.readTree(payload);
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

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            subscription.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
