package org.safecity.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.safecity.SafeCityApplication;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every scheduled job either asks for its lease (once per cluster) or says why every instance runs it. */
class ScheduledJobsTest {

    @Test
    void every_scheduled_job_runs_once_per_cluster_unless_it_says_why_every_instance_runs_it() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        var jobs = new ArrayList<String>();
        var unguarded = new ArrayList<String>();
        for (var candidate : scanner.findCandidateComponents(SafeCityApplication.class.getPackageName())) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            boolean asksLease = Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.getType() == OncePerCluster.class);
            for (var method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    jobs.add(type.getSimpleName() + "." + method.getName());
                    if (!asksLease && !method.isAnnotationPresent(EveryInstance.class)) {
                        unguarded.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(jobs).as("the scan finds the jobs").contains("EscalatingOverdueAlerts.escalateOverdue", "ApplyingRetention.apply",
            "IncidentBoardStream.keepAlive");
        assertThat(unguarded).isEmpty();
    }
}
