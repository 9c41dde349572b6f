package org.safecity.emergency.internal.eido;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.TextPolicyJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Incidents exchanged with other centres as NENA EIDO JSON. */
@RestController
@Tag(name = "Incidents")
class EidoController {

    private final ExchangingEido eido;

    EidoController(ExchangingEido eido) {
        this.eido = eido;
    }

    @GetMapping("/api/v1/incidents/{id}/eido")
    @PreAuthorize("hasAnyRole('OPERATOR','DISPATCHER','SUPERVISOR','ADMIN')")
    @Operation(summary = "The incident as a NENA EIDO JSON document")
    ObjectNode export(@PathVariable long id) {
        return eido.export(id, CurrentActor.jurisdiction());
    }

    @PostMapping("/api/v1/incidents/eido")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Take in an incident from a NENA EIDO JSON document (201 new, 200 already here);"
        + " unused lists the fields (JSON Pointers) that were not used")
    @ApiResponse(responseCode = "201", description = "a new incident", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "the incident was already here", useReturnTypeSchema = true)
    ResponseEntity<Map<String, Object>> importDocument(@RequestBody JsonNode document,
                                                       @RequestParam(required = false) String cityCode) {
        var imported = eido.importDocument(TextPolicyJson.require(document), cityCode == null || cityCode.isBlank() ? null : cityCode.strip());
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(Map.of("id", imported.incidentId(), "created", imported.created(), "notesAdded", imported.notesAdded(),
                "unused", imported.unused()));
    }
}
