package org.safecity.traffic;

import java.util.Optional;

/**
 * The registered owner of a vehicle (the Excise and Taxation department's records). Backed for now by
 * a table loaded from CSV; a records module can provide it instead.
 */
public interface VehicleRegistrations {

    /** The registration of a normalised plate ({@code PSH1234}), or empty when none is known. */
    Optional<VehicleRegistration> find(String plate);

    /**
     * @param ownerCnic 13 digits
     * @param ownerEmail may be null
     */
    record VehicleRegistration(String plate, String ownerName, String ownerCnic, String ownerPhone, String ownerEmail,
                               String make, String model, String colour) {
    }
}
