package org.safecity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.Conflict;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API sign-in: a username and password buy a bearer token. */
@RestController
@Tag(name = "Sign-in", description = "Exchange a password for a bearer token, sign out, and who the caller is")
class SignInController {

    private final PasswordSignIn signIn;
    private final AccessTokens tokens;
    private final AuditTrail audit;

    SignInController(PasswordSignIn signIn, AccessTokens tokens, AuditTrail audit) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Credentials(@NotBlank String username, @NotBlank String password) {
    }

    record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    record Me(String username, java.util.Set<String> roles, String jurisdiction, Long partnerId) {
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Writes(Writes.Scope.PUBLIC)
    @Operation(operationId = "signIn", summary = "Exchange a username and password for a bearer token")
    @ApiResponse(responseCode = "200", description = "the access token and its lifetime in seconds", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "the username or password is wrong, or the account is disabled")
    @ApiResponse(responseCode = "429", description = "too many failed attempts for this account or address; try again after Retry-After")
    TokenResponse token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        Actor.Person person = signIn.signIn(credentials.username(), credentials.password(), request.getRemoteAddr());
        var issued = tokens.issue(person);
        audit.record("identity.token-issued", "account", Long.toString(person.accountId()), null,
            Map.of("username", person.name()));
        return new TokenResponse(issued.token(), "Bearer", issued.lifetime().toSeconds());
    }

    @PostMapping("/api/v1/auth/sign-out")
    @PreAuthorize("isAuthenticated()")
    @Writes(Writes.Scope.OWN)
    @Operation(operationId = "signOut", summary = "Sign out: the presented access token (or the console session) ends at once and never works again")
    @ResponseStatus(HttpStatus.NO_CONTENT)  // for the API description; the answer sets it too
    @ApiResponse(responseCode = "409", description = "a device key is not signed out; an administrator revokes it")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        Actor actor = CurrentActor.get();
        if (!(actor instanceof Actor.Person person)) {
            throw new Conflict("A device key is not signed out; an administrator revokes it (DELETE /api/v1/devices/{id}).");
        }
        BearerAuthentication.bearer(request).ifPresent(tokens::revoke);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        audit.record("identity.signed-out", "account", Long.toString(person.accountId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(operationId = "me", summary = "Who the caller is: roles and jurisdiction")
    Me me() {
        Actor actor = CurrentActor.get();
        Long partner = actor instanceof Actor.Person p ? p.partnerId() : null;
        return new Me(actor.name(), actor.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
            actor.jurisdiction().toString(), partner);
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Sign-in failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(PasswordSignIn.TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(PasswordSignIn.TooManyAttempts e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many sign-in attempts");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }
}
