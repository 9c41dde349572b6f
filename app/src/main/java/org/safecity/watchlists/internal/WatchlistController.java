package org.safecity.watchlists.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Writes;
import org.safecity.shared.PageOf;
import org.safecity.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hotlists and their entries. Entries of person lists are personal data: reading them is audited. */
@RestController
@Tag(name = "Watchlists", description = "Hotlists of vehicles and persons that every detection is matched against")
class WatchlistController {

    private final KeepingWatchlists keeping;
    private final WatchlistStore store;
    private final AuditTrail audit;

    WatchlistController(KeepingWatchlists keeping, WatchlistStore store, AuditTrail audit) {
        this.keeping = keeping;
        this.store = store;
        this.audit = audit;
    }

    record Created(long id) {
    }

    record ListView(long id, String name, String type, String kind, String owner, String cityCode, String priority, boolean fuzzy,
                    double faceThreshold, Instant expiresAt, Instant createdAt) {
        static ListView of(Watchlist l) {
            return new ListView(l.id(), l.name(), l.type().name(), l.kind().name(), l.owner(), l.cityCode(), l.priority().name(),
                l.fuzzy(), l.faceThreshold(), l.expiresAt(), l.createdAt());
        }
    }

    record EntryView(long id, String plate, String plateAsWritten, String cnic, String name, boolean hasFace, String reason,
                     Instant expiresAt, String addedBy, Instant createdAt) {
        static EntryView of(Entry e) {
            return new EntryView(e.id(), e.plate(), e.plateAsWritten(), e.cnic() == null ? null : new org.safecity.shared.Cnic(e.cnic()).display(),
                e.personName(), e.embedding() != null, e.reason(), e.expiresAt(), e.addedBy(), e.createdAt());
        }
    }

    @PostMapping("/api/v1/watchlists")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Make a list: {name, kind VEHICLE|PERSON, type, priority HIGH|MEDIUM|LOW, fuzzy, cityCode, expiresAt, faceThreshold}")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Created> create(@RequestBody KeepingWatchlists.ListRequest request) {
        long id = keeping.createList(request);
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + id)).body(new Created(id));
    }

    @GetMapping("/api/v1/watchlists")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR')")
    @Operation(operationId = "watchlistList", summary = "The lists of the caller's jurisdiction and the province-wide lists")
    Map<String, List<ListView>> lists() {
        return Map.of("items", keeping.visibleLists().stream().map(ListView::of).toList());
    }

    @GetMapping("/api/v1/watchlists/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR')")
    @Operation(operationId = "watchlistGet", summary = "One list")
    ListView list(@PathVariable long id) {
        return ListView.of(keeping.visible(id));
    }

    @PostMapping("/api/v1/watchlists/{id}/entries")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Add a vehicle {plate, reason, expiresAt} or a person {cnic, name, embedding, model, reason, expiresAt}")
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    ResponseEntity<Created> add(@PathVariable long id, @RequestBody KeepingWatchlists.EntryRequest request) {
        long entry = keeping.addEntry(id, request);
        return ResponseEntity.created(URI.create("/api/v1/watchlists/" + id + "/entries/" + entry)).body(new Created(entry));
    }

    @PostMapping(path = "/api/v1/watchlists/{id}/entries.csv", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Import entries from CSV, all or nothing (vehicles: plate,reason,expires_at; persons: cnic,name,reason,expires_at); "
        + "plates or CNICs already on the list are reported in alreadyListed, not added again",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv")))
    KeepingWatchlists.Imported importEntries(@PathVariable long id, HttpServletRequest request) throws IOException {
        String declared = request.getCharacterEncoding();
        Charset charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(request.getInputStream(), charset));
        return keeping.importEntries(id, reader);
    }

    @GetMapping("/api/v1/watchlists/{id}/entries")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Operation(summary = "A list's entries; reading a person list is written to the audit trail")
    PageOf<EntryView> entries(@PathVariable long id, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        var list = keeping.visible(id);
        var request = PageRequest.of(page, size);
        var entries = store.entries(id, request.size(), (int) request.offset()).stream().map(EntryView::of).toList();
        if (list.kind() == Watchlist.Kind.PERSON) {
            audit.record("watchlists.person-entries-read", "watchlist", Long.toString(id), null,
                Map.of("page", request.page(), "count", entries.size()));
        }
        return new PageOf<>(entries, request.page(), request.size(), store.count(id));
    }

    @DeleteMapping("/api/v1/watchlists/{id}/entries/{entryId}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Take an entry off the list; it stops matching at once")
    @ResponseStatus(HttpStatus.NO_CONTENT)  // for the API description; the answer sets it too
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long entryId) {
        keeping.removeEntry(id, entryId);
        return ResponseEntity.noContent().build();
    }
}
