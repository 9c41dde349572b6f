package org.safecity.identity;

import java.util.Set;

/**
 * Who is making the current request: a signed-in person or a machine. Modules ask it for the
 * jurisdiction to scope reads and writes, and the audit trail records its name.
 */
public sealed interface Actor permits Actor.Person, Actor.Machine {

    String name();

    Set<Role> roles();

    Jurisdiction jurisdiction();

    default boolean has(Role role) {
        return roles().contains(role);
    }

    /** A person with an account. {@code partnerId} is set for a commercial partner's account. */
    record Person(long accountId, String name, Set<Role> roles, Jurisdiction jurisdiction, Long partnerId) implements Actor {
    }

    /** A device (camera, edge box, NVR) that may report only for its own cameras. */
    record Machine(long deviceId, String name, Set<Long> cameraIds) implements Actor {
        @Override
        public Set<Role> roles() {
            return Set.of(Role.DEVICE);
        }

        @Override
        public Jurisdiction jurisdiction() {
            return Jurisdiction.PROVINCE;
        }

        public boolean mayReportFor(long cameraId) {
            return cameraIds.contains(cameraId);
        }
    }
}
