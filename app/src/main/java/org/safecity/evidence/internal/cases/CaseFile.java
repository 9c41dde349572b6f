package org.safecity.evidence.internal.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as the evidence module keeps it: the FIR that opened it, the investigating officer, the
 * jurisdiction it was opened in (the officer's; null city for the whole province) and the team
 * members who may work with its evidence.
 */
public record CaseFile(UUID id, String firNumber, String policeStation, String offence, CaseStatus status,
                long investigatingOfficerId, String investigatingOfficer, Instant openedAt, String cityCode, String zoneCode,
                List<Member> members) {

    public record Member(long accountId, String name, Instant addedAt, String addedBy) {
    }

    boolean onTeam(long accountId) {
        return investigatingOfficerId == accountId || members.stream().anyMatch(m -> m.accountId() == accountId);
    }
}
