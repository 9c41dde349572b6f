package org.safecity.registry;

import java.util.Optional;
import org.safecity.shared.GeoPoint;

/** Where each city of the rollout lies, for a record that names a city but gives no coordinates. */
public interface CityCentres {

    /** A city found by its code ({@code PSH}) or its name ({@code Peshawar}); empty when it is not one of ours. */
    Optional<Centre> centre(String codeOrName);

    record Centre(String cityCode, GeoPoint point) {
    }
}
