package org.safecity.identity.internal;

import java.security.SecureRandom;
import java.util.Set;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the administrator {@code admin} exists. Its password is {@code SAFECITY_ADMIN_PASSWORD}
 * when set (also on later starts, which is how a lost password is reset), otherwise one generated
 * on first start and printed once.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final String configuredPassword;
    private String announcement;

    AdministratorBootstrap(AccountStore accounts, PasswordEncoder passwords,
                           @Value("${safecity.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var existing = accounts.findByUsername(ADMIN);
        boolean configured = !configuredPassword.isBlank();
        if (existing.isEmpty()) {
            String password = configured ? configuredPassword : generate();
            accounts.insert(ADMIN, "Authority administrator", passwords.encode(password), Set.of(Role.ADMIN),
                Jurisdiction.PROVINCE, null);
            announcement = configured ? "sign in as admin with the password in SAFECITY_ADMIN_PASSWORD"
                : "sign in as admin with password " + password + " (shown only this once; set SAFECITY_ADMIN_PASSWORD to choose another)";
        } else if (configured && !passwords.matches(configuredPassword, existing.get().passwordHash())) {
            accounts.changePassword(existing.get().id(), passwords.encode(configuredPassword));
            announcement = "sign in as admin with the password in SAFECITY_ADMIN_PASSWORD (it was reset to that value)";
        } else {
            announcement = configured ? "sign in as admin with the password in SAFECITY_ADMIN_PASSWORD"
                : "sign in as admin with the password printed on first start (or restart with SAFECITY_ADMIN_PASSWORD set to reset it)";
        }
        log.info("Administrator account: {}", announcement);
    }

    /** The last line a person starting SafeCity reads: where the console is and how to sign in. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void announce(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.info("""

            ==============================================================
             SafeCity is ready.
             Console:  http://localhost:{}/
             API docs: http://localhost:{}/swagger-ui.html
             Then {}.
            ==============================================================""", port, port, announcement);
    }

    private static String generate() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
