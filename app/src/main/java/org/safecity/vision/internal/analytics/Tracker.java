package org.safecity.vision.internal.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safecity.vision.internal.ObjectFinder;
import org.safecity.vision.internal.Point;

/**
 * Follows the objects found in a camera's frames: each new box continues the track of the same kind
 * whose last box it overlaps most (intersection over union at least {@code minOverlap}), or failing
 * that whose position is nearest (within {@code maxStep} of the picture's width); the rest start new
 * tracks. A track not matched for {@code lostAfter} frames has ended. Greedy, best pair first: enough at
 * a few frames a second with tens of objects. One camera's tracker, used by one thread at a time.
 */
final class Tracker {

    private final double minOverlap;
    private final double maxStep;
    private final int lostAfter;
    private final List<Track> live = new ArrayList<>();
    private long nextId = 1;

    Tracker(double minOverlap, double maxStep, int lostAfter) {
        this.minOverlap = minOverlap;
        this.maxStep = maxStep;
        this.lostAfter = lostAfter;
    }

    /** What one frame did to the tracks: those now live (including ones missing for a frame or two), and those that ended. */
    record Update(List<Track> live, List<Track> ended) {
    }

    Update update(List<ObjectFinder.FoundObject> found, int width, int height, Instant at) {
        record Pair(Track track, int box, double score) {
        }
        var pairs = new ArrayList<Pair>();
        for (Track track : live) {
            for (int i = 0; i < found.size(); i++) {
                var object = found.get(i);
                if (sameKind(track.objectClass, object.objectClass())) {
                    double overlap = track.box.overlap(object.box());
                    double distance = distance(track.position, Point.footOf(object.box(), width, height));
                    if (overlap >= minOverlap) {
                        pairs.add(new Pair(track, i, 1 + overlap)); // any real overlap beats nearness
                    } else if (distance <= maxStep) {
                        pairs.add(new Pair(track, i, 1 - distance / maxStep));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        var matchedTracks = new java.util.HashSet<Track>();
        var matchedBoxes = new java.util.HashSet<Integer>();
        for (Pair pair : pairs) {
            if (matchedTracks.contains(pair.track()) || matchedBoxes.contains(pair.box())) {
                continue;
            }
            var object = found.get(pair.box());
            pair.track().seen(object.box(), object.confidence(), Point.footOf(object.box(), width, height), at);
            matchedTracks.add(pair.track());
            matchedBoxes.add(pair.box());
        }
        var ended = new ArrayList<Track>();
        for (var it = live.iterator(); it.hasNext(); ) {
            Track track = it.next();
            if (!matchedTracks.contains(track)) {
                track.missedFrame();
                if (track.missed >= lostAfter) {
                    it.remove();
                    ended.add(track);
                }
            }
        }
        for (int i = 0; i < found.size(); i++) {
            if (!matchedBoxes.contains(i)) {
                var object = found.get(i);
                live.add(new Track(nextId++, object.objectClass(), object.box(), object.confidence(),
                    Point.footOf(object.box(), width, height), at));
            }
        }
        return new Update(List.copyOf(live), ended);
    }

    /** Ends every track, as when the camera's analysis stops. */
    List<Track> endAll() {
        var ended = List.copyOf(live);
        live.clear();
        return ended;
    }

    /** A person stays a person; a car seen once as a truck stays the same vehicle. */
    private static boolean sameKind(ObjectFinder.ObjectClass a, ObjectFinder.ObjectClass b) {
        boolean personA = a == ObjectFinder.ObjectClass.PERSON;
        boolean personB = b == ObjectFinder.ObjectClass.PERSON;
        return personA == personB;
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
