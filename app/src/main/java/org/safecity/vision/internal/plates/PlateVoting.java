package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.safecity.detections.OcrConfusion;
import org.safecity.vision.internal.PixelBox;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.Point;

/**
 * Makes one read of a plate seen in several frames. Reads of a camera that agree (their folded text
 * differs by at most two characters, or by one left out, or one is the other read in part) gather
 * into one vehicle's reads; when no
 * read has joined for {@code quiet}, or the first came {@code longest} ago, the reads vote: the length
 * most of the confidence is on, then at each position the character with the most confidence. The
 * best crop is kept. Reads of the same plate just after its vote join the voted group silently, so a
 * car waiting at a light gives one read, not one every few seconds. One camera's, one thread at a time.
 *
 * <p>A plate need not wait that long: once its last {@code agreeing} reads say the same, each at least
 * {@value #SURE} confident, and its path says all the camera's lines will ask of it (it crossed one, or there are
 * none), it is voted at once, so a listed plate is alerted on while the car is still in view. Its reads are still
 * gathered until it would have been due; should they then vote for another plate (a far car read in part three
 * times, then whole), that vote is answered too, as a correction.
 */
public final class PlateVoting {

    /** One frame's read of a plate, with its crop and where in the picture it was. */
    public record Read(Instant at, PlateReader.PlateRead read, BufferedImage crop, Point centre) {
    }

    /**
     * A vehicle's voted plate.
     *
     * @param confidence the reads' mean confidence times how much they agreed (1 when every read gave the result)
     * @param first the plate's centre when first read, {@code last} when last read: which way it went
     */
    public record Voted(String text, String normalized, String format, double confidence, int reads, Instant firstAt, Instant lastAt,
                 PixelBox box, BufferedImage crop, Point first, Point last) {
    }

    /** How confident each of the agreeing reads must be for a plate to be voted before it is due. */
    static final double SURE = 0.9;

    /** Whether a plate's path, from where it was first read to where it was read last, is all that is asked of it. */
    public interface Path {
        boolean complete(Point first, Point last);
    }

    private final Duration quiet;
    private final Duration longest;
    private final int agreeing;
    private final List<Group> groups = new ArrayList<>();

    /** @param agreeing how many reads in a row must agree for a plate to be voted before it is due; 0 = never before */
    public PlateVoting(Duration quiet, Duration longest, int agreeing) {
        this.quiet = quiet;
        this.longest = longest;
        this.agreeing = agreeing;
    }

    private static final class Group {
        final List<Read> reads = new ArrayList<>();
        final Instant firstAt;
        Instant lastAt;
        Read best;
        Point first;
        Point last;
        boolean voted;
        /** The vote taken as soon as the reads agreed, before the group was due; null if none was. */
        Voted early;
        /** How many reads the group had when an early vote was last taken and outvoted: without a new read it would be again. */
        int outvotedWith;
        String folded;

        Group(Read read) {
            firstAt = read.at();
            first = read.centre();
            add(read);
        }

        public void add(Read read) {
            lastAt = read.at();
            last = read.centre();
            folded = OcrConfusion.fold(read.read().normalized());
            if (!voted) {
                reads.add(read);
                if (best == null || read.read().confidence() > best.read().confidence()) {
                    best = read;
                }
            }
        }
    }

    /** Adds a frame's reads and answers the votes now due, for a camera without lines: a path is always complete. */
    public List<Voted> add(List<Read> reads, Instant now) {
        return add(reads, now, (first, last) -> true);
    }

    /** Adds a frame's reads and answers the votes now due, and those whose reads agree and whose path is complete. */
    public List<Voted> add(List<Read> reads, Instant now, Path path) {
        for (Read read : reads) {
            String folded = OcrConfusion.fold(read.read().normalized());
            Group joined = null;
            for (Group group : groups) {
                if (alike(group.folded, folded)) {
                    joined = group;
                    break;
                }
            }
            if (joined == null) {
                groups.add(new Group(read));
            } else {
                joined.add(read);
            }
        }
        return due(now, false, path);
    }

    /** Votes every open group now, as when the camera's analysis stops. */
    public List<Voted> flush(Instant now) {
        return due(now, true, (first, last) -> false);
    }

    private List<Voted> due(Instant now, boolean all, Path path) {
        var voted = new ArrayList<Voted>();
        for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
            Group group = it.next();
            boolean quietNow = !now.isBefore(group.lastAt.plus(quiet));
            if (!group.voted && (all || quietNow || !now.isBefore(group.firstAt.plus(longest)))) {
                var vote = vote(group);
                if (group.early == null || !group.early.normalized().equals(vote.normalized())) {
                    voted.add(vote);
                }
                group.voted = true;
            } else if (!group.voted && group.early == null && group.reads.size() > group.outvotedWith && agreed(group)
                && path.complete(group.first, group.last)) {
                group.early = vote(group);
                if (group.early.normalized().equals(group.reads.getLast().read().normalized())) {
                    voted.add(group.early);
                } else {
                    group.early = null; // the earlier reads outvote the agreeing ones: wait until it is due, or a new read
                    group.outvotedWith = group.reads.size();
                }
            }
            if (group.voted && (all || quietNow)) {
                it.remove();
            }
        }
        return voted;
    }

    private boolean agreed(Group group) {
        if (agreeing == 0 || group.reads.size() < agreeing) {
            return false;
        }
        var last = group.reads.subList(group.reads.size() - agreeing, group.reads.size());
        String text = last.getFirst().read().normalized();
        return last.stream().allMatch(r -> r.read().normalized().equals(text) && r.read().confidence() >= SURE);
    }

    private static Voted vote(Group group) {
        Map<Integer, Double> byLength = new HashMap<>();
        for (Read r : group.reads) {
            byLength.merge(r.read().normalized().length(), r.read().confidence(), Double::sum);
        }
        int length = byLength.entrySet().stream().max(Map.Entry.<Integer, Double>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        var chars = new char[length];
        double agreement = 0;
        double confidence = 0;
        int counted = 0;
        for (int i = 0; i < length; i++) {
            Map<Character, Double> votes = new HashMap<>();
            double total = 0;
            for (Read r : group.reads) {
                String text = r.read().normalized();
                if (text.length() == length) {
                    votes.merge(text.charAt(i), r.read().confidence(), Double::sum);
                    total += r.read().confidence();
                }
            }
            var winner = votes.entrySet().stream().max(Map.Entry.<Character, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow();
            chars[i] = winner.getKey();
            agreement += total == 0 ? 0 : winner.getValue() / total;
        }
        for (Read r : group.reads) {
            confidence += r.read().confidence();
            counted++;
        }
        String normalized = new String(chars);
        // the text as printed and its format, from the best read that says the same
        Read printed = group.reads.stream().filter(r -> r.read().normalized().equals(normalized))
            .max(java.util.Comparator.comparingDouble(r -> r.read().confidence())).orElse(group.best);
        String text = printed.read().normalized().equals(normalized) ? printed.read().text() : normalized;
        double score = (confidence / counted) * (agreement / length);
        Read crop = printed.read().normalized().equals(normalized) ? printed : group.best;
        return new Voted(text, normalized, printed.read().format(), Math.round(score * 1000) / 1000.0, group.reads.size(),
            group.firstAt, group.lastAt, crop.read().box(), crop.crop(), group.first, group.last);
    }

    /**
     * The same plate, misread a little: at most two characters differ, or one is missing, or the shorter
     * (at least four characters) is the longer with up to three characters not seen, as when a far car's
     * plate is read only in part.
     */
    static boolean alike(String foldedA, String foldedB) {
        String shorter = foldedA.length() <= foldedB.length() ? foldedA : foldedB;
        String longer = shorter == foldedA ? foldedB : foldedA;
        if (shorter.length() >= 4 && longer.length() - shorter.length() <= 3 && longer.length() > shorter.length()
            && within(shorter, longer)) {
            return true;
        }
        if (foldedA.length() == foldedB.length()) {
            int differ = 0;
            for (int i = 0; i < foldedA.length() && differ <= 2; i++) {
                if (foldedA.charAt(i) != foldedB.charAt(i)) {
                    differ++;
                }
            }
            return differ <= 2 && foldedA.length() >= 4;
        }
        return OcrConfusion.withinOneInsertOrDelete(foldedA, foldedB);
    }

    /** Whether every character of {@code part} appears in {@code whole}, in order. */
    private static boolean within(String part, String whole) {
        int at = 0;
        for (int i = 0; i < whole.length() && at < part.length(); i++) {
            if (whole.charAt(i) == part.charAt(at)) {
                at++;
            }
        }
        return at == part.length();
    }
}
