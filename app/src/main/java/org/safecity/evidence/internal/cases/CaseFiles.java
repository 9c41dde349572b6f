package org.safecity.evidence.internal.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safecity.identity.Actor;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.People;
import org.safecity.identity.Role;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening cases, finding them, changing their status and their team. Every read is audited;
 * a case the caller may not see is reported as not found.
 */
@Component
public class CaseFiles {

    private final CaseStore cases;
    private final AuditTrail audit;
    private final People people;
    private final Clock clock;

    CaseFiles(CaseStore cases, AuditTrail audit, People people, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    CaseFile open(String firNumber, String policeStation, String offence) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        require(errors, "firNumber", firNumber, 60);
        require(errors, "policeStation", policeStation, 120);
        require(errors, "offence", offence, 500);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (cases.firExists(policeStation.strip(), firNumber.strip())) {
            throw new Conflict("A case for FIR " + firNumber.strip() + " of police station " + policeStation.strip() + " already exists.");
        }
        var officer = person();
        var opened = officer.jurisdiction();
        var file = new CaseFile(UUID.randomUUID(), firNumber.strip(), policeStation.strip(), offence.strip(), CaseStatus.OPEN,
            officer.accountId(), officer.name(), clock.instant(), opened.cityCode(), opened.zoneCode(), List.of());
        cases.insert(file);
        audit.record("evidence.case-opened", "case", file.id().toString(), null,
            Map.of("firNumber", file.firNumber(), "policeStation", file.policeStation()));
        return file;
    }

    /** The case, if the caller may see it, with the read recorded in the audit trail. */
    @Transactional
    CaseFile view(UUID id) {
        var file = accessible(id);
        audit.record("evidence.case-viewed", "case", id.toString());
        return file;
    }

    /** The case, if the caller may see it; for use cases that record their own, more specific, audit entry. */
    public CaseFile accessible(UUID id) {
        var file = cases.find(id).orElseThrow(() -> new NotFound("case", id));
        if (!CaseAccessPolicy.mayAccess(CurrentActor.get(), file)) {
            throw new NotFound("case", id);
        }
        return file;
    }

    @Transactional
    List<CaseFile> visible(PageRequest page) {
        var actor = CurrentActor.get();
        long accountId = actor instanceof Actor.Person person ? person.accountId() : -1;
        var list = cases.visibleTo(accountId, actor.has(Role.SUPERVISOR) ? actor.jurisdiction() : null, page.size(), page.offset());
        audit.record("evidence.cases-listed", "case", null, null, Map.of("count", list.size()));
        return list;
    }

    @Transactional
    CaseFile changeStatus(UUID id, String statusText) {
        var file = accessible(id);
        var status = CaseStatus.parse(statusText);
        if (status == null) {
            throw new InvalidInput("status", "must be one of " + java.util.Arrays.toString(CaseStatus.values()));
        }
        cases.changeStatus(id, status);
        audit.record("evidence.case-status-changed", "case", id.toString(), null, Map.of("from", file.status().name(), "to", status.name()));
        return cases.find(id).orElseThrow();
    }

    @Transactional
    CaseFile addMember(UUID id, String username) {
        var file = accessible(id);
        if (!CaseAccessPolicy.mayManageTeam(CurrentActor.get(), file)) {
            throw new org.springframework.security.access.AccessDeniedException("only the investigating officer or a supervisor changes the team");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidInput("username", "is required");
        }
        var person = people.byUsername(username.strip())
            .orElseThrow(() -> new InvalidInput("username", "names no enabled account"));
        if (!person.has(Role.INVESTIGATOR) && !person.has(Role.SUPERVISOR)) {
            throw new InvalidInput("username", "is not an investigator or supervisor");
        }
        cases.addMember(id, person.accountId(), person.name(), clock.instant(), CurrentActor.name());
        audit.record("evidence.case-member-added", "case", id.toString(), null, Map.of("member", person.name()));
        return cases.find(id).orElseThrow();
    }

    @Transactional
    CaseFile removeMember(UUID id, long accountId) {
        var file = accessible(id);
        if (!CaseAccessPolicy.mayManageTeam(CurrentActor.get(), file)) {
            throw new org.springframework.security.access.AccessDeniedException("only the investigating officer or a supervisor changes the team");
        }
        if (!cases.removeMember(id, accountId)) {
            throw new NotFound("case member", accountId);
        }
        audit.record("evidence.case-member-removed", "case", id.toString(), null, Map.of("accountId", accountId));
        return cases.find(id).orElseThrow();
    }

    private static Actor.Person person() {
        if (CurrentActor.get() instanceof Actor.Person person) {
            return person;
        }
        throw new Conflict("Only a person can open a case.");
    }

    private static void require(List<InvalidInput.FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "is required"));
        } else if (value.strip().length() > max) {
            errors.add(new InvalidInput.FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
