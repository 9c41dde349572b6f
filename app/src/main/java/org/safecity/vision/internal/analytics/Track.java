package org.safecity.vision.internal.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.Point;

/**
 * One person or vehicle followed across a camera's frames. Where it stands is the foot of its box
 * (normalised), so zones and lines drawn on the road apply to where it touches the road.
 */
final class Track {

    final long id;
    final ObjectFinder.ObjectClass objectClass;
    final Instant firstSeen;
    Instant lastSeen;
    PixelBox box;
    double confidence;
    /** Where it stood in the frame before this one, or null on its first frame. */
    Point previous;
    Point position;
    int missed;
    /** Since when it has stood in each zone, by zone name. */
    final Map<String, Instant> inZoneSince = new HashMap<>();
    /** Zones where its loitering was already reported (once per stay). */
    final Set<String> loiteringReported = new HashSet<>();

    Track(long id, ObjectFinder.ObjectClass objectClass, PixelBox box, double confidence, Point position, Instant at) {
        this.id = id;
        this.objectClass = objectClass;
        this.firstSeen = at;
        this.lastSeen = at;
        this.box = box;
        this.confidence = confidence;
        this.position = position;
    }

    boolean isPerson() {
        return objectClass == ObjectFinder.ObjectClass.PERSON;
    }

    boolean isVehicle() {
        return !isPerson() && objectClass != ObjectFinder.ObjectClass.BICYCLE;
    }

    /** Whether it was seen in the latest frame (not only remembered while missing). */
    boolean seenNow() {
        return missed == 0;
    }

    void seen(PixelBox box, double confidence, Point position, Instant at) {
        this.previous = this.position;
        this.position = position;
        this.box = box;
        this.confidence = confidence;
        this.lastSeen = at;
        this.missed = 0;
    }

    void missedFrame() {
        missed++;
        previous = position; // a track not seen does not move, and so crosses nothing
    }
}
