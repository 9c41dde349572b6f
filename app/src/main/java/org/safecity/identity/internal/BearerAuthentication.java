package org.safecity.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.safecity.identity.Actor;
import org.safecity.identity.DeviceKeys;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ...}: a person's access token, or a device key.
 * A presented but unknown token is refused at once rather than treated as anonymous.
 */
class BearerAuthentication extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final DeviceKeys deviceKeys;
    private final AuthenticationEntryPoint entryPoint;

    BearerAuthentication(AccessTokens tokens, DeviceKeys deviceKeys, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.deviceKeys = deviceKeys;
        this.entryPoint = entryPoint;
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        var presented = bearer(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<? extends Actor> actor = resolve(presented.get());
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("The bearer token is unknown, expired or revoked."));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PasswordSignIn.authenticated(actor.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<? extends Actor> resolve(String token) {
        if (token.startsWith(AccessTokens.PREFIX)) {
            return tokens.resolve(token);
        }
        return deviceKeys.authenticate(token);
    }
}
