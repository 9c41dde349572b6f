package org.safecity.cluster.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safecity.cluster.ClusterSettings;
import org.safecity.cluster.OncePerCluster;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith's event publication registry, kept for the cluster by one instance. It hands an event to its listener again when the listener has not finished it {@code unfinished-events-after}
 * after it was published (the instance running it died), on one instance of the cluster. Not at an instance's
 * start-up, as Spring Modulith can: an instance starting beside running ones would be handed every event those
 * are still working on, and each would be handled twice. An event that keeps failing is tried again less and
 * less often, at most {@link #LONGEST_WAIT} apart, and its failures stay in the log. A finished event is kept
 * {@link #FINISHED_KEPT} for whoever looks into what happened, then forgotten: the registry does not grow forever.
 */
@Component
class KeepingEventPublications {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration FINISHED_KEPT = Duration.ofDays(7);

    private final IncompleteEventPublications publications;
    private final CompletedEventPublications finished;
    private final ClusterSettings settings;
    private final OncePerCluster oncePerCluster;
    private final Clock clock;

    KeepingEventPublications(IncompleteEventPublications publications, CompletedEventPublications finished, ClusterSettings settings,
                             OncePerCluster oncePerCluster, Clock clock) {
        this.publications = publications;
        this.finished = finished;
        this.settings = settings;
        this.oncePerCluster = oncePerCluster;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void resubmit() {
        if (!oncePerCluster.mine("unfinished events")) {
            return; // another instance of the cluster runs it
        }
        Instant now = clock.instant();
        publications.resubmitIncompletePublications(publication -> due(publication, settings.unfinishedEventsAfter(), now));
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetFinished() {
        if (oncePerCluster.mine("finished events")) {
            finished.deletePublicationsOlderThan(FINISHED_KEPT);
        }
    }

    /** Unfinished for the given time since published, and for twice as long after each time it was handed over again. */
    static boolean due(EventPublication publication, Duration unfinishedAfter, Instant now) {
        if (publication.getPublicationDate().plus(unfinishedAfter).isAfter(now)) {
            return false;
        }
        var last = publication.getLastResubmissionDate();
        if (last == null) {
            return true;
        }
        var wait = unfinishedAfter.multipliedBy(1L << Math.min(publication.getCompletionAttempts(), 10));
        return !last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait).isAfter(now);
    }
}
