package org.safecity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.safecity.identity.Actor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session holds the person as they were when they signed in. On every request the
 * account is read again, as for an access token: a session of a disabled account, or one begun
 * before the account's sign-ins were ended (password changed, revoked), is ended and the request
 * goes on unauthenticated; otherwise the request acts with the account's current roles and
 * jurisdiction.
 */
class SessionStillValid extends OncePerRequestFilter {

    private final AccountStore accounts;

    SessionStillValid(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor.Person person) {
            Instant signedInAt = authentication.getDetails() instanceof PasswordSignIn.SignedInAt at ? at.at() : Instant.EPOCH;
            var account = accounts.findById(person.accountId()).filter(a -> a.honours(signedInAt));
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!account.get().asActor().equals(person)) {
                var current = PasswordSignIn.authenticated(account.get().asActor());
                current.setDetails(authentication.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(current);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
