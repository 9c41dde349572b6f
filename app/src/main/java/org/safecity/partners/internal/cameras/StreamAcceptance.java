package org.safecity.partners.internal.cameras;

import java.util.Locale;
import java.util.Optional;
import org.safecity.partners.internal.compliance.Requirement;
import org.safecity.video.StreamProbe;

/**
 * Whether a premises' stream, as probed, may join the network, and if so whether the Authority records
 * it: one place for the rules, refusals in words the premises' manager can act on.
 */
final class StreamAcceptance {

    sealed interface Verdict {
    }

    /** @param recorded whether the Authority records the stream (the category's rule), else it may only view it */
    record Accepted(String codec, String resolution, double frameRate, long bitrate, boolean recorded) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }

    private StreamAcceptance() {
    }

    /** @param requirement what the premises' category requires today; without one any resolution is accepted, and not recorded */
    static Verdict judge(StreamProbe.Result probed, Optional<Requirement> requirement) {
        return switch (probed) {
            case StreamProbe.Unplayable u -> new Refused(switch (u.failure()) {
                case UNREACHABLE -> "Nothing answered at this address: check the address and port, and that the camera "
                    + "can be reached from the Safe City network.";
                case WRONG_CREDENTIALS -> "The camera refused the username and password.";
                case NOT_FOUND -> "The camera answered but has no stream at this address: check the path after the port.";
                case NO_VIDEO -> "The stream carries no video.";
            });
            case StreamProbe.Playable p -> judgePlayable(p, requirement);
        };
    }

    private static Verdict judgePlayable(StreamProbe.Playable p, Optional<Requirement> requirement) {
        String codec = p.codec().toLowerCase(Locale.ROOT);
        if (!codec.equals("h264") && !codec.equals("hevc")) {
            return new Refused("The stream is " + p.codec().toUpperCase(Locale.ROOT) + " video; SafeCity accepts H.264 or H.265: "
                + "set the camera's video encoding to one of them.");
        }
        if (requirement.isPresent()) {
            var r = requirement.get();
            if (p.width() < r.minWidth() || p.height() < r.minHeight()) {
                return new Refused("The stream is " + p.resolution() + "; the category " + r.name() + " requires at least "
                    + r.minResolution() + ": choose the camera's main stream or a higher resolution.");
            }
        }
        return new Accepted(codec.equals("hevc") ? "H.265" : "H.264", p.resolution(), p.frameRate(), p.bitrate(),
            requirement.map(Requirement::authorityRecords).orElse(false));
    }
}
