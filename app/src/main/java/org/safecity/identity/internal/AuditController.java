package org.safecity.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HexFormat;
import org.safecity.identity.CurrentActor;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.safecity.storage.Where;

/** The audit trail, for auditors only, within their jurisdiction: a filtered read, and the chain's verification. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "Who did or read what, when and why; hash-chained, for auditors")
class AuditController {

    private final JdbcClient jdbc;
    private final AuditChainVerification verification;

    AuditController(JdbcClient jdbc, AuditChainVerification verification) {
        this.jdbc = jdbc;
        this.verification = verification;
    }

    record EntryView(long seq, Instant at, String actor, String address, String action, String targetType,
                     String targetId, String reason, String details, String hash) {
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Read audit entries, newest first, filtered by actor, action, target and time; "
        + "an auditor of a city or zone reads the entries of its people")
    PageOf<EntryView> entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                              @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                              @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequest.of(page, size);
        var where = new Where().equal("actor", "actor", actor).equal("action", "action", action)
            .equal("target_type", "targetType", targetType).equal("target_id", "targetId", targetId)
            .ifGiven("at >= :from", "from", from == null ? null : java.sql.Timestamp.from(from))
            .ifGiven("at < :to", "to", to == null ? null : java.sql.Timestamp.from(to));
        var scope = CurrentActor.jurisdiction();
        if (!scope.isProvince()) {
            // The trail records who acted, not where: an auditor of a city reads what that city's people did.
            where.and("actor in (select username from identity.account where city_code = :scopeCity"
                + (scope.zoneCode() == null ? "" : " and zone_code = :scopeZone") + ")", "scopeCity", scope.cityCode());
            where.param("scopeZone", scope.zoneCode());
        }
        return where.page(jdbc, "seq, at, actor, address, action, target_type, target_id, reason, details, hash", "from identity.audit_entry",
            "seq desc", (rs, row) -> new EntryView(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("address"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("reason"), rs.getString("details"), HexFormat.of().formatHex(rs.getBytes("hash"))), request);
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Re-compute the hash chain and compare it with its newest anchor outside the database; "
        + "reports the first entry that was altered or removed, the newest ones included")
    AuditChainVerification.Result verify() {
        return verification.verify();
    }
}
