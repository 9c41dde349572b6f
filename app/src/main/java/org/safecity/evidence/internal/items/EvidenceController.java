package org.safecity.evidence.internal.items;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.safecity.evidence.internal.EvidenceViews;
import org.safecity.identity.Writes;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One item: its record, its content, its custody log, hand-overs and legal hold. */
@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "Evidence: items and custody", description = "Evidence items, their content, chain of custody and legal holds")
class EvidenceController {

    private final ItemCustody custody;

    EvidenceController(ItemCustody custody) {
        this.custody = custody;
    }

    record HandOver(String recipient, String reason) {
    }

    record Reason(String reason) {
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "An item's record (recorded in its custody log as viewed)")
    EvidenceViews.ItemView item(@PathVariable UUID id) {
        return EvidenceViews.ItemView.of(custody.view(id));
    }

    @GetMapping("/{id}/content")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "Download an item's content (recorded as downloaded); Repr-Digest carries its SHA-256. The content is "
        + "verified against it as it goes: a damaged item is refused (409), or, above 8 MiB, its transfer fails before the end")
    @ApiResponse(responseCode = "200", description = "the content, as the item's own media type",
        content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<Resource> content(@PathVariable UUID id) throws java.io.IOException {
        var item = custody.accessible(id);
        var content = custody.download(id);
        var response = ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(item.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(item.exportName()).build().toString())
            .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(item.sha256())) + ":")
            .eTag("\"" + item.sha256() + "\"");
        return switch (content) {
            case ServedContent.Checked checked -> response.body(new ByteArrayResource(checked.bytes()));
            case ServedContent.Streamed streamed -> response.contentLength(streamed.size()).body(new InputStreamResource(streamed.content()));
        };
    }

    @GetMapping("/{id}/custody")
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Operation(summary = "An item's custody log, oldest first, with each entry's hash chain link")
    List<EvidenceViews.CustodyView> custody(@PathVariable UUID id) {
        return custody.history(id).stream().map(EvidenceViews.CustodyView::of).toList();
    }

    @PostMapping("/{id}/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Record that the item was handed to a person or court, with the reason")
    EvidenceViews.CustodyView handOver(@PathVariable UUID id, @RequestBody HandOver request) {
        return EvidenceViews.CustodyView.of(custody.handOver(id, request.recipient(), request.reason()));
    }

    @PostMapping("/{id}/legal-hold")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('INVESTIGATOR','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Put the item on legal hold: it is never disposed of while held")
    EvidenceViews.CustodyView hold(@PathVariable UUID id, @RequestBody Reason request) {
        return EvidenceViews.CustodyView.of(custody.setHold(id, request.reason()));
    }

    @PostMapping("/{id}/legal-hold/lift")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Lift a legal hold (supervisors only)")
    EvidenceViews.CustodyView lift(@PathVariable UUID id, @RequestBody Reason request) {
        return EvidenceViews.CustodyView.of(custody.liftHold(id, request.reason()));
    }
}
