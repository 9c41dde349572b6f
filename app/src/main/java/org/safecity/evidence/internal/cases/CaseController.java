package org.safecity.evidence.internal.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.safecity.evidence.ReceivedItem;
import org.safecity.evidence.internal.EvidenceViews;
import org.safecity.evidence.internal.ItemStore;
import org.safecity.evidence.internal.exports.ExportingCase;
import org.safecity.evidence.internal.items.ItemUpload;
import org.safecity.identity.Writes;
import org.safecity.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases, their teams, their items and their exports. Investigators and supervisors only; a case
 * the caller is not on answers 404.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Evidence: cases", description = "Cases, their teams, item uploads and sealed exports")
class CaseController {

    private final CaseFiles caseFiles;
    private final ItemStore items;
    private final ItemUpload upload;
    private final ExportingCase exporting;

    CaseController(CaseFiles caseFiles, ItemStore items, ItemUpload upload, ExportingCase exporting) {
        this.caseFiles = caseFiles;
        this.items = items;
        this.upload = upload;
        this.exporting = exporting;
    }

    record OpenCase(String firNumber, String policeStation, String offence) {
    }

    record StatusChange(String status) {
    }

    record NewMember(String username) {
    }

    record ExportRequest(List<UUID> itemIds, String recipient, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Open a case for an FIR; the caller becomes its investigating officer")
    EvidenceViews.CaseView open(@org.springframework.web.bind.annotation.RequestBody OpenCase request) {
        var file = caseFiles.open(request.firNumber(), request.policeStation(), request.offence());
        return EvidenceViews.CaseView.of(file, List.of());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "The cases the caller is on (all cases for a supervisor), newest first")
    List<EvidenceViews.CaseSummary> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return caseFiles.visible(PageRequest.of(page, size)).stream().map(EvidenceViews.CaseSummary::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "A case with its team and items (audited as evidence.case-viewed)")
    EvidenceViews.CaseView view(@PathVariable UUID id) {
        var file = caseFiles.view(id);
        return EvidenceViews.CaseView.of(file, items.ofCase(id));
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Change a case's status: OPEN, UNDER_INVESTIGATION, CHALLAN_SUBMITTED, UNDER_TRIAL, CLOSED")
    EvidenceViews.CaseSummary changeStatus(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestBody StatusChange request) {
        return EvidenceViews.CaseSummary.of(caseFiles.changeStatus(id, request.status()));
    }

    @PostMapping("/{id}/members")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add an investigator or supervisor to the case team (investigating officer or supervisor only)")
    EvidenceViews.CaseView addMember(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestBody NewMember request) {
        return EvidenceViews.CaseView.of(caseFiles.addMember(id, request.username()), items.ofCase(id));
    }

    @DeleteMapping("/{id}/members/{accountId}")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Remove a member from the case team")
    EvidenceViews.CaseView removeMember(@PathVariable UUID id, @PathVariable long accountId) {
        return EvidenceViews.CaseView.of(caseFiles.removeMember(id, accountId), items.ofCase(id));
    }

    @PostMapping("/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Upload an item (multipart/form-data, streamed; up to safecity.evidence.max-upload-size, default 20 GB)",
        description = "Parts: file (the content; required), kind, description, collectedBy (default: the uploader), "
            + "collectedAt (ISO-8601; without an offset it is Pakistan time; default: now), place. The media type is sniffed "
            + "from the content, not the name. Answers {id, sha256, size, mediaType}.")
    @RequestBody(content = @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = {"file"}),
        schemaProperties = {
            @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary", description = "the content")),
            @SchemaProperty(name = "kind", schema = @Schema(type = "string")),
            @SchemaProperty(name = "description", schema = @Schema(type = "string")),
            @SchemaProperty(name = "collectedBy", schema = @Schema(type = "string")),
            @SchemaProperty(name = "collectedAt", schema = @Schema(type = "string")),
            @SchemaProperty(name = "place", schema = @Schema(type = "string"))}))
    ReceivedItem upload(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        caseFiles.accessible(id); // before a byte of the body is read
        return upload.receive(id, request);
    }

    @GetMapping("/{id}/exports")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "The bundles exported from this case, newest first, each with its download path")
    List<EvidenceViews.ExportView> exports(@PathVariable UUID id) {
        return exporting.ofCase(id).stream().map(EvidenceViews.ExportView::of).toList();
    }

    @PostMapping("/{id}/export")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Seal the case's items (all retained ones, or itemIds) into a signed bundle for a court or prosecutor",
        description = "Answers when the bundle is written: {id, download: /api/v1/exports/{id}.zip, sha256, size, manifestSha256}. "
            + "Each item's custody log records the export. Verify the bundle with the evidence verifier and GET /api/v1/evidence/public-key.")
    EvidenceViews.ExportView export(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestBody ExportRequest request)
        throws IOException {
        return EvidenceViews.ExportView.of(exporting.export(id, request.itemIds(), request.recipient(), request.reason()));
    }
}
