package org.safecity.watchlists.internal;

import java.util.ArrayList;
import java.util.List;
import org.safecity.detections.AcceptedDetection;
import org.safecity.detections.DetectionConsumer;
import org.safecity.detections.DetectionKind;
import org.safecity.detections.DetectionsAccepted;
import org.safecity.watchlists.WatchlistHit;
import org.safecity.watchlists.WatchlistHits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Matches every newly stored detection against the lists, after the detections' commit and off the
 * device's request; each match is published as a {@link WatchlistHit} in the transaction the detections
 * module opens for this consumer (which also moves its cursor, so a hit is published once).
 */
@Component
class MatchingDetections implements DetectionConsumer {

    private final LoadedWatchlists watchlists;
    private final ApplicationEventPublisher events;

    MatchingDetections(LoadedWatchlists watchlists, ApplicationEventPublisher events) {
        this.watchlists = watchlists;
        this.events = events;
    }

    @Override
    public void on(DetectionsAccepted accepted) {
        var index = watchlists.index();
        var faces = accepted.detections().stream().filter(d -> d.kind() == DetectionKind.FACE).toList();
        // the group's faces are matched in one pass over the listed faces, then taken in order
        var faceMatches = index.matchFaces(faces.stream()
            .map(d -> new WatchlistIndex.FaceProbe(d.embedding(), d.faceModel(), d.observedAt())).toList()).iterator();
        var hits = new ArrayList<WatchlistHit>();
        for (AcceptedDetection detection : accepted.detections()) {
            List<WatchlistIndex.Match> matches = switch (detection.kind()) {
                case PLATE -> index.matchPlate(detection.plate(), detection.observedAt());
                case FACE -> faceMatches.next();
                default -> List.of();
            };
            for (var match : matches) {
                hits.add(hit(detection, match));
            }
        }
        if (!hits.isEmpty()) {
            events.publishEvent(new WatchlistHits(hits));
        }
    }

    static WatchlistHit hit(AcceptedDetection d, WatchlistIndex.Match match) {
        var list = match.list();
        var entry = match.entry();
        return new WatchlistHit(
            new WatchlistHit.Hotlist(list.id(), list.name(), list.type(), list.priority(), list.cityCode()),
            new WatchlistHit.Entry(entry.id(), entry.reason(), entry.plate(), entry.personName(), entry.cnic()),
            d.sightingId(), d.placement(), d.observedAt(), d.receivedAt(), d.kind() == DetectionKind.PLATE ? d.plateAsRead() : null,
            match.matchedBy(), match.score());
    }
}
