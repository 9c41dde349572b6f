package org.safecity.emergency;

import java.util.Optional;
import org.safecity.identity.Jurisdiction;

/**
 * The commercial premises a panic button may belong to. The partners module keeps them and
 * implements this; emergency only asks, so the dependency points one way (as for identity's Places).
 */
public interface PremisesRegister {

    /** Where the premises lies (city and police station), or empty when no premises has this id. */
    Optional<Jurisdiction> placeOf(long premisesId);
}
