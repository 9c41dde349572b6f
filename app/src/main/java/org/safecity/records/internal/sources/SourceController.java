package org.safecity.records.internal.sources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** Department feeds: registering them, their push keys, and records arriving by file, push and pull, each with its report. */
@RestController
@Tag(name = "Records: sources and imports", description = "Department feeds and the three ways their records arrive")
class SourceController {

    private final KeepingSources keeping;
    private final SourceStore sources;
    private final ReceivingRecords receiving;
    private final PullingSources pulling;
    private final JdbcClient jdbc;

    SourceController(KeepingSources keeping, SourceStore sources, ReceivingRecords receiving, PullingSources pulling, JdbcClient jdbc) {
        this.keeping = keeping;
        this.sources = sources;
        this.receiving = receiving;
        this.pulling = pulling;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/records/sources")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The department feeds: owner, description, retention, kinds, mapping, pull address")
    List<Source> list() {
        return sources.all();
    }

    @GetMapping("/api/v1/records/sources/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "One department feed")
    Source one(@PathVariable long id) {
        return keeping.find(id);
    }

    @PostMapping("/api/v1/records/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Register a department feed (code, name, owner, description, retentionDays, kinds, mapping, pullUrl, pullEveryMinutes)")
    Source register(@RequestBody KeepingSources.Draft draft) {
        return keeping.register(draft);
    }

    @PutMapping("/api/v1/records/sources/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Change a feed's name, owner, description, retention, kinds, mapping or pull address (its code stays)")
    Source change(@PathVariable long id, @RequestBody KeepingSources.Draft draft) {
        return keeping.change(id, draft);
    }

    @PostMapping("/api/v1/records/sources/{id}/key")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Issue the feed's push key (shown only this once; the one before stops working)")
    Map<String, Object> issueKey(@PathVariable long id) {
        return Map.of("sourceId", id, "key", keeping.issueKey(id));
    }

    @PostMapping(path = "/api/v1/records/sources/{id}/imports", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Import a CSV file of the feed's records (header row; columns by the feed's mapping); re-runnable; answers the row-by-row report")
    ImportReport importCsv(@PathVariable long id, @RequestBody String csv, @RequestParam(required = false) String fileName) {
        var source = keeping.find(id);
        return receiving.receive(source, ReceivingRecords.Via.FILE, fileName, FileRows.csv(new StringReader(csv)), 2);
    }

    @PostMapping(path = "/api/v1/records/sources/{id}/imports", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Import a JSON file of the feed's records (an array, or an object whose records is one); re-runnable; row-by-row report")
    ImportReport importJson(@PathVariable long id, @RequestBody JsonNode body, @RequestParam(required = false) String fileName) {
        var source = keeping.find(id);
        return receiving.receive(source, ReceivingRecords.Via.FILE, fileName, FileRows.json(body), 0);
    }

    @PostMapping(path = "/api/v1/records/sources/{id}/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "The same, as a file field named file (.csv or .json) of a form")
    ImportReport importFile(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        var source = keeping.find(id);
        String name = file.getOriginalFilename();
        if (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return receiving.receive(source, ReceivingRecords.Via.FILE, name, FileRows.json(new String(file.getBytes(), StandardCharsets.UTF_8)), 0);
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return receiving.receive(source, ReceivingRecords.Via.FILE, name, FileRows.csv(reader), 2);
        }
    }

    /** A department's system pushes with its feed's key ({@code Authorization: Bearer scr_...}); the key names the feed. */
    @PostMapping(path = "/api/v1/records/push", consumes = "application/json")
    @PreAuthorize("hasRole('DEVICE')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Push records with a feed's key (an array, or an object whose records is one); idempotent by (record id, version); row-by-row report")
    ImportReport push(HttpServletRequest request, @RequestBody JsonNode body) {
        String header = request.getHeader("Authorization");
        String key = header == null || header.length() < 8 ? null : header.substring(7).strip();
        var source = keeping.byKey(key)
            .orElseThrow(() -> new AccessDeniedException("Only a records feed's key may push: " + CurrentActor.name() + " is not one."));
        return receiving.receive(source, ReceivingRecords.Via.PUSH, null, FileRows.json(body), 0);
    }

    @PostMapping("/api/v1/records/sources/{id}/pull")
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.PROVINCE)
    @Operation(summary = "Pull the feed's endpoint now, rather than at its next turn; row-by-row report")
    ImportReport pull(@PathVariable long id) {
        return pulling.pull(keeping.find(id));
    }

    @GetMapping("/api/v1/records/sources/{id}/imports")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "The feed's imports, newest first, with their counts")
    List<Map<String, Object>> imports(@PathVariable long id) {
        keeping.find(id);
        return jdbc.sql("""
                select id, via, file_name, started_at, started_by, added, unchanged, refused from records.import_run
                where source_id = ? order by started_at desc, id desc limit 200""")
            .param(id).query((rs, n) -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("id", rs.getLong("id"));
                row.put("via", rs.getString("via"));
                row.put("fileName", rs.getString("file_name"));
                row.put("startedAt", rs.getTimestamp("started_at").toInstant());
                row.put("startedBy", rs.getString("started_by"));
                row.put("added", rs.getInt("added"));
                row.put("unchanged", rs.getInt("unchanged"));
                row.put("refused", rs.getInt("refused"));
                return (Map<String, Object>) row;
            }).list();
    }

    @GetMapping("/api/v1/records/imports/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Operation(summary = "One import's row-by-row report")
    Map<String, Object> report(@PathVariable long id) {
        return jdbc.sql("select source_id, via, file_name, started_at, started_by, added, unchanged, refused, report::text from records.import_run where id = ?")
            .param(id).query((rs, n) -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("id", id);
                row.put("sourceId", rs.getLong(1));
                row.put("via", rs.getString(2));
                row.put("fileName", rs.getString(3));
                row.put("startedAt", rs.getTimestamp(4).toInstant());
                row.put("startedBy", rs.getString(5));
                row.put("added", rs.getInt(6));
                row.put("unchanged", rs.getInt(7));
                row.put("refused", rs.getInt(8));
                row.put("report", tools.jackson.databind.json.JsonMapper.builder().build().readTree(rs.getString(9)));
                return (Map<String, Object>) row;
            }).optional().orElseThrow(() -> new NotFound("import", id));
    }

}
