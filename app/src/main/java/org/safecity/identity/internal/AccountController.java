package org.safecity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Places;
import org.safecity.identity.Reach;
import org.safecity.identity.Role;
import org.safecity.identity.Writes;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * People's accounts: created, changed and disabled by an administrator; never deleted. An
 * administrator sees and changes only the accounts of its own jurisdiction and never gives an
 * account a wider one than its own (see {@link Reach}).
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "People who use SafeCity: their roles, jurisdiction, passwords and sessions")
class AccountController {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final Places places;
    private final AuditTrail audit;
    private final Clock clock;

    AccountController(AccountStore accounts, PasswordEncoder passwords, Places places, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    record NewAccount(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "must be 3 to 40 lower-case letters, digits, dots, dashes or underscores") String username,
                      @NotBlank String displayName,
                      @Schema(description = "at least 12 and at most 128 characters; not the user name, not a common password") String password,
                      @NotEmpty Set<Role> roles,
                      @Schema(description = "\"province\" for a province-wide account; otherwise leave out and give cityCode") String scope,
                      @Schema(description = "the city the account works in, such as PSH; required unless scope is province") String cityCode,
                      String zoneCode, Long partnerId) {
    }

    record AccountChange(@NotBlank String displayName, @NotEmpty Set<Role> roles,
                         @Schema(description = "\"province\" for a province-wide account; otherwise leave out and give cityCode") String scope,
                         String cityCode, String zoneCode, Long partnerId,
                         @NotNull(message = "is required: true, or false to disable the account") Boolean enabled) {
    }

    record PasswordChange(String password) {
    }

    record AccountView(long id, String username, String displayName, Set<Role> roles, String cityCode, String zoneCode,
                       Long partnerId, boolean enabled) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.username(), a.displayName(), a.roles(), a.jurisdiction().cityCode(),
                a.jurisdiction().zoneCode(), a.partnerId(), a.enabled());
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List the accounts of your jurisdiction")
    PageOf<AccountView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequest.of(page, size);
        var scope = CurrentActor.jurisdiction();
        return new PageOf<>(accounts.list(scope, request.size(), request.offset()).stream().map(AccountView::of).toList(),
            request.page(), request.size(), accounts.count(scope));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One account: its roles, jurisdiction and whether it is enabled")
    AccountView get(@PathVariable long id) {
        return AccountView.of(existing(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "Create an account in your jurisdiction (state its cityCode, or \"scope\":\"province\")")
    AccountView create(@Valid @RequestBody NewAccount request) {
        var jurisdiction = AccountScope.read(request.scope(), request.cityCode(), request.zoneCode(), places);
        Reach.place(jurisdiction.isProvince() ? "scope" : "cityCode", jurisdiction);
        checkRoles(request.roles(), request.partnerId());
        checkPassword(request.password(), request.username());
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new InvalidInput("username", "is already taken");
        }
        long id = accounts.insert(request.username(), request.displayName(), passwords.encode(request.password()),
            request.roles(), jurisdiction, request.partnerId());
        audit.record("identity.account-created", "account", Long.toString(id), null,
            Map.of("username", request.username(), "roles", request.roles().toString(), "jurisdiction", jurisdiction.toString()));
        return get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "Change an account's name, roles, jurisdiction, or disable it (which ends its sign-ins)")
    AccountView update(@PathVariable long id, @Valid @RequestBody AccountChange request) {
        var existing = existing(id);
        var jurisdiction = AccountScope.read(request.scope(), request.cityCode(), request.zoneCode(), places);
        Reach.place(jurisdiction.isProvince() ? "scope" : "cityCode", jurisdiction);
        checkRoles(request.roles(), request.partnerId());
        if (existing.username().equals("admin") && (!request.enabled() || !request.roles().contains(Role.ADMIN))) {
            throw new Conflict("The built-in admin account keeps the ADMIN role and cannot be disabled.");
        }
        accounts.update(id, request.displayName(), request.roles(), jurisdiction, request.partnerId(), request.enabled());
        if (!request.enabled()) {
            accounts.endSignIns(id, clock.instant());
        }
        audit.record("identity.account-changed", "account", Long.toString(id), null,
            Map.of("roles", request.roles().toString(), "jurisdiction", jurisdiction.toString(), "enabled", request.enabled()));
        return get(id);
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "Set an account's password; every token and session it had ends")
    void setPassword(@PathVariable long id, @RequestBody PasswordChange request) {
        var account = existing(id);
        checkPassword(request == null ? null : request.password(), account.username());
        accounts.changePassword(id, passwords.encode(request.password()));
        accounts.endSignIns(id, clock.instant());
        audit.record("identity.password-set", "account", Long.toString(id));
    }

    @PostMapping("/{id}/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Transactional
    @Operation(summary = "End every access token and console session of the account at once (a lost laptop, a stolen token)")
    void signOut(@PathVariable long id) {
        existing(id);
        accounts.endSignIns(id, clock.instant());
        audit.record("identity.sign-ins-ended", "account", Long.toString(id));
    }

    /** The account, if it lies in the caller's jurisdiction; otherwise, as for any read, it does not exist. */
    private Account existing(long id) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFound("account", id));
        Reach.record("account", id, account.jurisdiction());
        return account;
    }

    private void checkPassword(String password, String username) {
        if (policy.judge(password, username) instanceof PasswordPolicy.Refused refused) {
            throw new InvalidInput("password", refused.problem());
        }
    }

    private static void checkRoles(Set<Role> roles, Long partnerId) {
        if (roles.contains(Role.DEVICE)) {
            throw new InvalidInput("roles", "DEVICE is for machines; create a device key instead");
        }
        if (roles.contains(Role.PARTNER) && partnerId == null) {
            throw new InvalidInput("partnerId", "is required for a PARTNER account");
        }
    }
}
