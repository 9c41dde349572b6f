package org.safecity.video.internal.retention;

/** How long a city's or a camera's recordings are kept and how much disk they may use; null = not set here. */
record RetentionRule(String scope, String subject, Integer days, Long quotaBytes) {
}
