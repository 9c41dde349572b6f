package org.safecity.partners.internal.applications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.PartnerAccounts;
import org.safecity.partners.internal.premises.Premises;
import org.springframework.stereotype.Service;

/**
 * A registered premises' managers get accounts of their own: one for the contact when its application is
 * approved, more when the compliance staff ask. The password is shown once, in the answer to the
 * compliance officer who hands it over; SafeCity keeps only its hash.
 */
@Service
public class ManagerAccounts {

    private final PartnerAccounts accounts;

    ManagerAccounts(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    public Map<String, Object> issue(Premises p, String displayName) {
        String name = displayName != null && !displayName.isBlank() ? displayName
            : p.contact() != null && p.contact().name() != null && !p.contact().name().isBlank() ? p.contact().name() : null;
        var issued = accounts.issue(p.id(), name, p.place());
        var view = new LinkedHashMap<String, Object>();
        view.put("accountId", issued.accountId());
        view.put("username", issued.username());
        view.put("oneTimePassword", issued.oneTimePassword());
        view.put("notice", "Shown once: hand the username and password to the premises' manager; SafeCity cannot show it again.");
        return view;
    }
}
