package org.safecity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A test application that records video, as the video tests and the video pages' browser tests need:
 * short segments so they close quickly, a short silence before a camera counts as offline, fast
 * retries, and only streams on this machine (plus two demo cameras). One set of settings, so all
 * such tests share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = {
    "safecity.video.recording=true",
    "safecity.video.segment-length=2s",
    "safecity.video.live-segment-length=1s",
    "safecity.video.offline-after=4s",
    "safecity.video.retry-min=500ms",
    "safecity.video.retry-max=2s",
    "safecity.video.reconcile-interval=1s",
    "safecity.video.stream-pattern=rtsp://127\\\\.0\\\\.0\\\\.1:.*",
    "safecity.video.demo-cameras=2"})
public @interface RecordsVideo {
}
