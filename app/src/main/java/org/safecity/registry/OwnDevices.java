package org.safecity.registry;

/**
 * The devices SafeCity runs itself, such as its vision analysis: registry devices like any other, so
 * their sightings name a device, but without a key, so nothing can sign in as them. A device may then
 * report for any camera through the in-process intake only.
 */
public interface OwnDevices {

    /** The id of the device of this name, registered on first use (idempotently, also across instances). */
    long deviceNamed(String name);
}
