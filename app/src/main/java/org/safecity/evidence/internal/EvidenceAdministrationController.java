package org.safecity.evidence.internal;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.safecity.evidence.internal.custody.CheckingIntegrity;
import org.safecity.evidence.internal.custody.IntegrityReport;
import org.safecity.evidence.internal.custody.SealingCustodyLog;
import org.safecity.evidence.internal.custody.SigningKey;
import org.safecity.evidence.internal.exports.ExportingCase;
import org.safecity.evidence.internal.retention.DisposingExpiredEvidence;
import org.safecity.evidence.internal.retention.RetentionSettings;
import org.safecity.identity.Writes;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence store as a whole: the public key courts verify with, the integrity check, custody
 * checkpoints, retention and disposal, and export downloads.
 */
@RestController
@Tag(name = "Evidence: integrity, retention, exports", description = "The public key, integrity checks, custody checkpoints, retention, disposal and export downloads")
class EvidenceAdministrationController {

    private final SigningKey key;
    private final CheckingIntegrity integrity;
    private final SealingCustodyLog sealing;
    private final RetentionSettings retention;
    private final DisposingExpiredEvidence disposing;
    private final ExportingCase exporting;

    EvidenceAdministrationController(SigningKey key, CheckingIntegrity integrity, SealingCustodyLog sealing, RetentionSettings retention,
                                     DisposingExpiredEvidence disposing, ExportingCase exporting) {
        this.key = key;
        this.integrity = integrity;
        this.sealing = sealing;
        this.retention = retention;
        this.disposing = disposing;
        this.exporting = exporting;
    }

    record RetentionChange(String retainFor) {
    }

    /** Public on purpose: a court or defence lawyer must be able to fetch the key to verify a bundle. */
    @GetMapping(value = "/api/v1/evidence/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The Authority's Ed25519 public key that signs export bundles and checkpoints (PEM, X.509 SubjectPublicKeyInfo); public")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("safecity-evidence-public-key.pem").build().toString())
            .header("X-Key-SHA256", key.fingerprint())
            .body(key.publicKeyPem());
    }

    @PostMapping("/api/v1/evidence/integrity-check")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','AUDITOR')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Re-hash every stored item, re-verify every custody chain and checkpoint; lists exactly what is wrong")
    IntegrityReport check() {
        return integrity.check();
    }

    @PostMapping("/api/v1/evidence/checkpoints")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Seal the custody log now with a signed checkpoint (also done with every anchoring, safecity.anchors.interval)")
    @ApiResponse(responseCode = "200", description = "the checkpoint sealed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "204", description = "nothing new to seal since the last checkpoint")
    ResponseEntity<EvidenceViews.CheckpointView> seal() {
        return sealing.seal().map(EvidenceViews.CheckpointView::of).map(ResponseEntity::ok)
            .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/evidence/checkpoints")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','AUDITOR')")
    @Operation(summary = "The latest signed checkpoints of the custody log (statement fields, hash, signature, public key), newest first")
    List<EvidenceViews.CheckpointView> checkpoints() {
        return sealing.recent(100).stream().map(EvidenceViews.CheckpointView::of).toList();
    }

    // Retention lives beside /api/v1/evidence, not under it: under it /api/v1/evidence/retention/{kind} and
    // /api/v1/evidence/{id}/custody both match /api/v1/evidence/retention/custody. The former addresses still answer.
    @GetMapping("/api/v1/evidence-retention")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Retention period of each kind of item, and who set it")
    List<RetentionSettings.Period> retention() {
        return retention.periods();
    }

    @PutMapping("/api/v1/evidence-retention/{kind}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Set how long a kind of item is kept after it was received (ISO-8601 duration, e.g. P3650D)")
    RetentionSettings.Period setRetention(@PathVariable String kind, @RequestBody RetentionChange request) {
        return retention.set(kind, request.retainFor());
    }

    @Hidden
    @GetMapping("/api/v1/evidence/retention")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    List<RetentionSettings.Period> retentionAtFormerAddress() {
        return retention();
    }

    @Hidden
    @PutMapping("/api/v1/evidence/retention/{kind}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    RetentionSettings.Period setRetentionAtFormerAddress(@PathVariable String kind, @RequestBody RetentionChange request) {
        return setRetention(kind, request);
    }

    @PostMapping("/api/v1/evidence/disposal")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Dispose of expired items now (not on hold, case closed); also done every safecity.evidence.disposal-interval")
    DisposingExpiredEvidence.Outcome dispose() {
        return disposing.run();
    }

    @GetMapping(path = "/api/v1/exports/{id}.zip", produces = "application/zip")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "Download a sealed export bundle (ZIP) of a case the caller may see")
    ResponseEntity<Resource> download(@PathVariable UUID id) {
        var file = exporting.download(id);
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType("application/zip"))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("evidence-" + id + ".zip").build().toString())
            .body(new FileSystemResource(file));
    }
}
