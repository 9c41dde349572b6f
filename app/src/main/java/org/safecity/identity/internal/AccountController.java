package org.safecity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
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

/** People's accounts: created, changed and disabled by an administrator; never deleted. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountController {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    AccountController(AccountStore accounts, PasswordEncoder passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
    }

    record NewAccount(@NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "must be 3 to 40 lower-case letters, digits, dots, dashes or underscores") String username,
                      @NotBlank String displayName,
                      @NotBlank @Size(min = 12, max = 200, message = "must be at least 12 characters") String password,
                      @NotEmpty Set<Role> roles, String cityCode, String zoneCode, Long partnerId) {
    }

    record AccountChange(@NotBlank String displayName, @NotEmpty Set<Role> roles, String cityCode, String zoneCode,
                         Long partnerId, boolean enabled) {
    }

    record PasswordChange(@NotBlank @Size(min = 12, max = 200, message = "must be at least 12 characters") String password) {
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
    @Operation(summary = "List accounts")
    PageOf<AccountView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequest.of(page, size);
        return new PageOf<>(accounts.list(request.size(), request.offset()).stream().map(AccountView::of).toList(),
            request.page(), request.size(), accounts.count());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView get(@PathVariable long id) {
        return accounts.findById(id).map(AccountView::of).orElseThrow(() -> new NotFound("account", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Create an account")
    AccountView create(@Valid @RequestBody NewAccount request) {
        var jurisdiction = jurisdiction(request.cityCode(), request.zoneCode());
        checkRoles(request.roles(), request.partnerId());
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
    @Transactional
    @Operation(summary = "Change an account's name, roles, jurisdiction, or disable it")
    AccountView update(@PathVariable long id, @Valid @RequestBody AccountChange request) {
        var existing = accounts.findById(id).orElseThrow(() -> new NotFound("account", id));
        var jurisdiction = jurisdiction(request.cityCode(), request.zoneCode());
        checkRoles(request.roles(), request.partnerId());
        if (existing.username().equals("admin") && (!request.enabled() || !request.roles().contains(Role.ADMIN))) {
            throw new Conflict("The built-in admin account keeps the ADMIN role and cannot be disabled.");
        }
        accounts.update(id, request.displayName(), request.roles(), jurisdiction, request.partnerId(), request.enabled());
        audit.record("identity.account-changed", "account", Long.toString(id), null,
            Map.of("roles", request.roles().toString(), "jurisdiction", jurisdiction.toString(), "enabled", request.enabled()));
        return get(id);
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Set an account's password")
    void setPassword(@PathVariable long id, @Valid @RequestBody PasswordChange request) {
        accounts.findById(id).orElseThrow(() -> new NotFound("account", id));
        accounts.changePassword(id, passwords.encode(request.password()));
        audit.record("identity.password-set", "account", Long.toString(id));
    }

    private static Jurisdiction jurisdiction(String city, String zone) {
        if (blank(city) && !blank(zone)) {
            throw new InvalidInput("zoneCode", "needs a cityCode too");
        }
        return new Jurisdiction(blank(city) ? null : city.strip(), blank(zone) ? null : zone.strip());
    }

    private static void checkRoles(Set<Role> roles, Long partnerId) {
        if (roles.contains(Role.DEVICE)) {
            throw new InvalidInput("roles", "DEVICE is for machines; create a device key instead");
        }
        if (roles.contains(Role.PARTNER) && partnerId == null) {
            throw new InvalidInput("partnerId", "is required for a PARTNER account");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
