package org.safecity.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scheduled job that every instance runs for itself (it works on what the instance keeps: its
 * own files, its own live connections), where every other scheduled job asks {@link OncePerCluster} first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EveryInstance {

    /** Why this job is the instance's own. */
    String value();
}
