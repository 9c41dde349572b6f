package org.safecity.alerts.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.safecity.shared.FollowUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What {@code @ApplicationModuleListener} is (after the publisher's commit, in a transaction of its
 * own, recorded in the event publication registry until it completes), but run on the alerts module's
 * own platform thread. Requests run on virtual threads that share the machine's carrier threads: a
 * listener among them waited behind hundreds of requests at each database round trip, which added up
 * to a second to an alert under load.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Async(RaisedOnAlertThread.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@interface RaisedOnAlertThread {

    String EXECUTOR = "alertRaisingThread";

    /** One thread: raising is serialised by the alerts lock anyway. */
    @Configuration(proxyBeanMethods = false)
    class RaisingThread {

        @Bean(RaisedOnAlertThread.EXECUTOR)
        ThreadPoolTaskExecutor alertRaisingThread() {
            return FollowUp.FollowUpThread.oneThread("raising-alerts-");
        }
    }
}
