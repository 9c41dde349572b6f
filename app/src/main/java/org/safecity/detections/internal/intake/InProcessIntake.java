package org.safecity.detections.internal.intake;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safecity.detections.DetectionIntake;
import org.safecity.identity.Actor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link DetectionIntake} for modules of SafeCity: the items become the JSON a device would send and go
 * through {@link IntakingDetections} like a device's batch, so that one reading and one writer decide
 * what is stored. The calling module is trusted to report for any camera (it holds no key).
 */
@Service
class InProcessIntake implements DetectionIntake {

    private final IntakingDetections intaking;
    private final JsonMapper json = JsonMapper.builder().build();

    InProcessIntake(IntakingDetections intaking) {
        this.intaking = intaking;
    }

    @Override
    public Outcome submit(long deviceId, List<Item> items) {
        var cameras = items.stream().map(Item::cameraId).collect(Collectors.toUnmodifiableSet());
        var device = new Actor.Machine(deviceId, "device " + deviceId, cameras);
        var batch = json.createObjectNode();
        var array = batch.putArray("detections");
        items.forEach(item -> array.add(json(item)));
        try {
            var outcome = intaking.report(device, batch);
            return new Outcome(outcome.accepted(), outcome.duplicates(),
                outcome.rejected().stream().map(r -> new Rejection(r.index(), r.reason())).toList());
        } catch (IntakeBusy e) {
            throw new Busy(e.getMessage(), e);
        }
    }

    private ObjectNode json(Item item) {
        var node = json.createObjectNode();
        node.put("eventId", item.eventId());
        node.put("cameraId", item.cameraId());
        node.put("observedAt", item.observedAt().toString());
        ObjectNode body = json.createObjectNode();
        String kind = switch (item) {
            case PlateItem plate -> {
                body.put("text", plate.text());
                body.put("confidence", plate.confidence());
                yield "plate";
            }
            case FaceItem face -> {
                body.put("model", face.model());
                body.put("confidence", face.confidence());
                var embedding = body.putArray("embedding");
                for (float v : face.embedding()) {
                    embedding.add(v);
                }
                yield "face";
            }
            case AnalyticItem analytic -> {
                body.put("type", analytic.type());
                if (analytic.confidence() != null) {
                    body.put("confidence", analytic.confidence());
                }
                yield "analytic";
            }
            case ObjectItem object -> {
                body.put("class", object.objectClass());
                body.put("confidence", object.confidence());
                yield "object";
            }
        };
        for (Map.Entry<String, Object> field : item.more().entrySet()) {
            if (!body.has(field.getKey())) {
                body.set(field.getKey(), json.valueToTree(field.getValue()));
            }
        }
        node.put("kind", kind);
        node.set(kind, body);
        return node;
    }
}
