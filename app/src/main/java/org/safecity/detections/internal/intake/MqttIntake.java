package org.safecity.detections.internal.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safecity.cluster.InstanceRoles;
import org.safecity.cluster.Role;
import org.safecity.detections.internal.DetectionSettings;
import org.safecity.identity.Actor;
import org.safecity.identity.DeviceKeys;
import org.safecity.messaging.BrokerSubscription;
import org.safecity.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Detections over MQTT: a device publishes to {@code safecity/detections/{cameraId}} the same batch as
 * the HTTP body plus its device key, {@code {"deviceKey":"scd_…","detections":[…]}}, at QoS 1.
 * SafeCity checks the key on every message (the broker is not trusted to authenticate devices), stores
 * the batch exactly as HTTP intake does, and only then lets Paho acknowledge the message, so a batch
 * the broker counts as delivered is durable. The answer ({@code accepted}, {@code duplicates},
 * {@code rejected}) is published to {@code safecity/detections/{cameraId}/result}. An item may be for
 * any camera the device reports for, as over HTTP; items for another camera than the topic's are
 * stored, and the answer lists them under {@code otherCameras} so a device that meant otherwise sees it.
 * A message that cannot be read is answered with a problem a device maker can act on: what is wrong
 * and where (the field, or the line and column of the JSON), never a library's message.
 */
@Component
class MqttIntake implements SmartLifecycle {

    static final String TOPIC = "safecity/detections/+";
    private static final Logger log = LoggerFactory.getLogger(MqttIntake.class);

    private final MqttIntakeSettings settings;
    private final IntakingDetections intaking;
    private final DeviceKeys keys;
    private final DetectionSettings detectionSettings;
    private final JsonMapper json;
    private volatile boolean running;
    private BrokerSubscription subscription;

    private final InstanceRoles roles;

    MqttIntake(MqttIntakeSettings settings, IntakingDetections intaking, DeviceKeys keys, DetectionSettings detectionSettings,
               JsonMapper json, InstanceRoles roles) {
        this.roles = roles;
        this.settings = settings;
        this.intaking = intaking;
        this.keys = keys;
        this.detectionSettings = detectionSettings;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        if (settings.enabled() && roles.has(Role.INTAKE)) {
            // A persistent session: QoS 1 messages published while SafeCity is down wait at the broker.
            subscription = BrokerSubscription.start("detections",
                new BrokerSubscription.Broker(settings.url(), settings.username(), settings.password()),
                settings.clientId(), TOPIC, settings.sessionExpiry(), this::messageArrived);
        }
    }

    /** Connected and subscribed. */
    boolean listening() {
        return subscription != null && subscription.listening();
    }

    void messageArrived(String topic, byte[] payload) throws InterruptedException {
        String[] parts = topic.split("/");
        if (parts.length != 3) {
            return; // our own result topic, or something else under the prefix
        }
        long cameraId;
        try {
            cameraId = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return;
        }
        Object answer;
        try {
            answer = take(cameraId, json.readTree(payload));
        } catch (InvalidInput e) {
            var first = e.errors().getFirst();
            answer = Map.of("error", e.getMessage(), "field", first.field());
        } catch (tools.jackson.core.JacksonException e) {
            answer = notJson(e);
        } catch (RuntimeException e) {
            log.warn("an MQTT detection batch on {} could not be taken", topic, e);
            answer = Map.of("error", "not a detection batch: it could not be read; send {\"deviceKey\": \"scd_…\", \"detections\": [...]}");
        }
        subscription.publish("safecity/detections/" + cameraId + "/result", json.writeValueAsBytes(answer));
    }

    /** Stores the batch, waiting while the writer is full: the broker holds unacknowledged messages meanwhile. */
    private Object take(long cameraId, JsonNode body) throws InterruptedException {
        var device = authenticate(body.path("deviceKey").asString(""));
        if (device.isEmpty()) {
            return Map.of("error", "deviceKey is missing, unknown or revoked");
        }
        while (running) {
            try {
                var outcome = intaking.report(device.get(), body);
                var elsewhere = otherCameras(cameraId, body);
                if (elsewhere.isEmpty()) {
                    return outcome;
                }
                var answer = new java.util.LinkedHashMap<String, Object>();
                answer.put("accepted", outcome.accepted());
                answer.put("duplicates", outcome.duplicates());
                answer.put("rejected", outcome.rejected());
                answer.put("otherCameras", Map.of("topicCamera", cameraId, "items", elsewhere,
                    "note", "these items are for another camera than the topic's; each was taken for its own camera"));
                return answer;
            } catch (IntakeBusy busy) {
                Thread.sleep(detectionSettings.retryAfter().toMillis());
            }
        }
        throw new InterruptedException("stopping");
    }

    /** The items (by index) whose cameraId is not the topic's camera. */
    private static List<Map<String, Object>> otherCameras(long topicCamera, JsonNode body) {
        List<Map<String, Object>> items = new ArrayList<>();
        JsonNode detections = body.path("detections");
        for (int i = 0; i < detections.size(); i++) {
            JsonNode camera = detections.get(i).path("cameraId");
            if (camera.isIntegralNumber() && camera.asLong() != topicCamera) {
                items.add(Map.of("index", i, "cameraId", camera.asLong()));
            }
        }
        return items;
    }

    /** Where the JSON broke, as a device maker finds it in what was sent: line and column (1-based). */
    private static Map<String, Object> notJson(tools.jackson.core.JacksonException e) {
        if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
            return Map.of("error", "not a detection batch: a value is too long (a text over 4 MiB, as over HTTP)");
        }
        var at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return Map.of("error", "not a detection batch: the message is not valid JSON");
        }
        return Map.of("error", "not a detection batch: the message is not valid JSON at line " + at.getLineNr() + ", column "
            + at.getColumnNr(), "line", at.getLineNr(), "column", at.getColumnNr());
    }

    /** The same resolution as a bearer key over HTTP: a revoked key is refused from the next message on. */
    private Optional<Actor.Machine> authenticate(String key) {
        return key.isBlank() ? Optional.empty() : keys.authenticate(key);
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

    /** Stops before the writer, so no message arrives that the writer would refuse. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
