package org.safecity.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safecity.identity.OutsideJurisdiction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 for API callers, as problem+json that says what to do. */
final class ProblemSecurityResponses {

    private ProblemSecurityResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            String detail = BearerAuthentication.bearer(request).isPresent()
                ? "The bearer token is unknown, expired or revoked. Get a new one from POST /api/v1/auth/token."
                : "Sign in first: send Authorization: Bearer <token> (from POST /api/v1/auth/token) or a device key.";
            response.setHeader("WWW-Authenticate", "Bearer realm=\"safecity\"");
            write(response, HttpStatus.UNAUTHORIZED, "Not signed in", detail);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, HttpStatus.FORBIDDEN, "CSRF token missing or invalid",
                    "A change made with the console's session needs its CSRF token: send the value of the page's "
                        + "<meta name=\"_csrf\"> in the header named by <meta name=\"_csrf_header\"> (X-CSRF-TOKEN), or reload "
                        + "the page to get a fresh one. Programs should call with Authorization: Bearer <token> instead.");
            } else if (e instanceof OutsideJurisdiction outside) {
                write(response, HttpStatus.FORBIDDEN, "Outside your jurisdiction", outside.getMessage());
            } else {
                write(response, HttpStatus.FORBIDDEN, "Not allowed",
                    "Your role or jurisdiction does not allow this. Ask an administrator if you need it.");
            }
        };
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
            + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
