package org.safecity.identity.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.PartnerAccounts;
import org.safecity.identity.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PartnerAccounts}: the password is 20 characters drawn from 31 that cannot be misread on paper
 * or over the phone (no 0/O, 1/l/I), about 100 bits, in groups of four.
 */
@Service
class IssuingPartnerAccounts implements PartnerAccounts {

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    IssuingPartnerAccounts(AccountStore accounts, PasswordEncoder passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Issued issue(long premisesId, String displayName, Jurisdiction place) {
        String username = "premises-" + premisesId;
        for (int n = 2; accounts.findByUsername(username).isPresent(); n++) {
            username = "premises-" + premisesId + "-" + n;
        }
        String password = password();
        String name = displayName == null || displayName.isBlank() ? "Manager of premises " + premisesId : displayName.strip();
        long id = accounts.insert(username, name, passwords.encode(password), Set.of(Role.PARTNER), place, premisesId);
        audit.record("identity.account-created", "account", Long.toString(id), null,
            Map.of("username", username, "roles", "[PARTNER]", "jurisdiction", place.toString(), "partnerId", premisesId));
        return new Issued(id, username, password);
    }

    static String password() {
        var text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                text.append('-');
            }
            text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
