package org.safecity.partners.internal.applications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.safecity.identity.Writes;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.partners.internal.premises.Registration;
import org.safecity.shared.Conflict;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The compliance staff give a registered premises another manager's account (a second shift, a new manager). */
@RestController
@Tag(name = "Premises")
class ManagerAccountController {

    private final PremisesStore premises;
    private final ManagerAccounts accounts;

    ManagerAccountController(PremisesStore premises, ManagerAccounts accounts) {
        this.premises = premises;
        this.accounts = accounts;
    }

    record NewManager(@Schema(description = "the manager's name as the account shows it") String displayName) {
    }

    @PostMapping("/api/v1/premises/{id}/manager-accounts")
    @PreAuthorize(Access.REGISTER)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create another manager's account for a registered premises; the answer shows its password once")
    @ApiResponse(responseCode = "201", description = "the account, with its one-time password", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "the premises is not registered")
    Map<String, Object> create(@PathVariable long id, @RequestBody(required = false) NewManager body) {
        var p = Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        if (p.registration() != Registration.REGISTERED) {
            throw new Conflict("Premises " + id + " is " + p.registration() + ": its managers get accounts once it is registered.");
        }
        String name = body == null || body.displayName() == null ? null : body.displayName().strip();
        if (name != null && name.length() > 100) {
            throw new org.safecity.shared.InvalidInput("displayName", "must be at most 100 characters");
        }
        return accounts.issue(p, name);
    }
}
