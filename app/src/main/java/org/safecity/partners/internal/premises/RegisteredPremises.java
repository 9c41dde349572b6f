package org.safecity.partners.internal.premises;

import java.util.Optional;
import org.safecity.emergency.PremisesRegister;
import org.safecity.identity.Jurisdiction;
import org.springframework.stereotype.Component;

/** The register as emergency asks it, to know the premises a panic button belongs to. */
@Component
class RegisteredPremises implements PremisesRegister {

    private final PremisesStore premises;

    RegisteredPremises(PremisesStore premises) {
        this.premises = premises;
    }

    @Override
    public Optional<Jurisdiction> placeOf(long premisesId) {
        return premises.find(premisesId).map(Premises::place);
    }
}
