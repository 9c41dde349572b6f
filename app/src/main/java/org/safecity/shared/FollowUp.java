package org.safecity.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What {@code @ApplicationModuleListener} is (after the publisher's commit, in a transaction of its
 * own, kept in the event publication registry until it completes), but run on the follow-up thread:
 * one platform thread taking the work in turn. A burst of follow-ups, such as hundreds of overdue
 * alerts escalated into incidents at once, then waits in a queue; on virtual threads it started one
 * thread and one database transaction per event at the same moment, which took the cores from the
 * intake and from raising new alerts for seconds.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Async(FollowUp.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
public @interface FollowUp {

    String EXECUTOR = "followUpThread";

    @Configuration(proxyBeanMethods = false)
    class FollowUpThread {

        @Bean(FollowUp.EXECUTOR)
        ThreadPoolTaskExecutor followUpThread() {
            return oneThread("follow-up-");
        }

        /**
         * One platform thread with a queue, for listeners kept in the event publication registry: what is
         * still queued at shutdown stays incomplete there and is handed over again a minute later, on
         * whichever instance then keeps the registry.
         */
        public static ThreadPoolTaskExecutor oneThread(String namePrefix) {
            var executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(1);
            executor.setMaxPoolSize(1);
            executor.setThreadNamePrefix(namePrefix);
            executor.setWaitForTasksToCompleteOnShutdown(false);
            return executor;
        }
    }
}
