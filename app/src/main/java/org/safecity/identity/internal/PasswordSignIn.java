package org.safecity.identity.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.safecity.identity.Actor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password, for the console's sign-in form and for API tokens alike,
 * behind the guessing throttle. The answer never says whether the username exists.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final Clock clock;
    // A real hash to compare against when the username is unknown, so both paths take as long.
    private final String decoyHash;

    PasswordSignIn(AccountStore accounts, PasswordEncoder passwords, SignInThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    Actor.Person signIn(String presentedName, String password, String address) {
        // One name for the lock and the lookup: " operator.mrd" must count against operator.mrd.
        String username = presentedName == null ? "" : presentedName.strip();
        Duration wait = throttle.waitBefore(username, address);
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
        var account = accounts.findByUsername(username);
        boolean matches = passwords.matches(password == null ? "" : password,
            account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            throttle.failed(username, address);
            throw new BadCredentialsException("The username or password is not right.");
        }
        throttle.succeeded(username);
        return account.get().asActor();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress() : "unknown";
        var person = signIn(authentication.getName(), String.valueOf(authentication.getCredentials()), address);
        var signedIn = authenticated(person);
        signedIn.setDetails(new SignedInAt(clock.instant()));
        return signedIn;
    }

    /** When a console session was begun; {@link SessionStillValid} refuses it once the account's sign-ins are ended after that. */
    record SignedInAt(Instant at) implements Serializable {
    }

    static UsernamePasswordAuthenticationToken authenticated(Actor actor) {
        var authorities = actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Sign-in refused for now because of earlier failures. */
    static final class TooManyAttempts extends AuthenticationException {
        private final Duration wait;

        TooManyAttempts(Duration wait) {
            super("Too many failed sign-ins. Try again in " + Math.max(1, wait.toSeconds()) + " seconds.");
            this.wait = wait;
        }

        Duration retryAfter() {
            return wait;
        }
    }
}
