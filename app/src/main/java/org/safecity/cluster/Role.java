package org.safecity.cluster;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an instance does ({@code SAFECITY_ROLES}); an instance plays all of them unless told otherwise. */
public enum Role {
    /** The console and the HTTP API for people and partners. */
    WEB,
    /** Takes detections (HTTP, MQTT) and writes the sightings. */
    INTAKE,
    /** Hands stored detections to their consumers (watchlist matching, traffic rules). */
    PROCESSING,
    /** Records cameras: this instance's share of them, among the recording instances alive. */
    RECORDING,
    /** Runs the scheduled jobs (escalations, retention, partitions, anchors...), each on one instance at a time. */
    SCHEDULED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a comma-separated list such as {@code web,intake}; {@code all} or nothing is every role,
     * {@code api} is another word for {@code web}. An unknown word is refused, naming the known ones.
     */
    public static Set<Role> parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Role.class);
        }
        var roles = EnumSet.noneOf(Role.class);
        for (String word : text.split(",")) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            if (w.equals("all")) {
                return EnumSet.allOf(Role.class);
            }
            if (w.equals("api")) {
                w = "web";
            }
            String known = w;
            roles.add(Arrays.stream(values()).filter(r -> r.word().equals(known)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SAFECITY_ROLES: unknown role '" + word.strip() + "'; the roles are "
                    + Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", ")) + " (or all)")));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("SAFECITY_ROLES names no role; leave it unset for all of them");
        }
        return roles;
    }
}
