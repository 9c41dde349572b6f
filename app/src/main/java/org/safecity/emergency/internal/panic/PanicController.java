package org.safecity.emergency.internal.panic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.emergency.internal.calls.OpeningIncidents;
import org.safecity.emergency.internal.incidents.Points;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.GeoPoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Panic buttons: the press (by the button's own key) and their registration by an administrator. */
@RestController
@Tag(name = "Panic buttons", description = "Panic buttons of premises, and the press that opens a P1 incident")
class PanicController {

    private final PanicButtons buttons;
    private final OpeningIncidents opening;

    PanicController(PanicButtons buttons, OpeningIncidents opening) {
        this.buttons = buttons;
        this.opening = opening;
    }

    record Press(String pressId) {
    }

    /** @param premisesId the premises of the partners register the button belongs to (its owner), or null */
    record NewPanicButton(String premisesName, String premisesKind, String address, Points location, String cityCode,
                          String zoneCode, Long premisesId) {
    }

    record PanicButtonView(long id, String premisesName, String premisesKind, String address, GeoPoint location,
                           String cityCode, String zoneCode, Instant createdAt, Instant revokedAt, String key, Long premisesId) {
        static PanicButtonView of(PanicButton b, String key) {
            return new PanicButtonView(b.id(), b.premisesName(), b.premisesKind(), b.address(), b.location(), b.cityCode(),
                b.zoneCode(), b.createdAt(), b.revokedAt(), key, b.premisesId());
        }
    }

    /**
     * A press opens a P1 incident at the premises at once. A retried press carrying the same
     * {@code pressId} (or {@code Idempotency-Key}) answers with the incident it already opened.
     */
    @PostMapping("/api/v1/panic")
    @PreAuthorize("hasRole('DEVICE')")
    @Writes(Writes.Scope.OWN)
    @Operation(summary = "Press the panic button (device key of a premises' panic button)")
    @ApiResponse(responseCode = "201", description = "an incident was opened for this press", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "a repeat of a press already taken in (same pressId)", useReturnTypeSchema = true)
    ResponseEntity<Map<String, Object>> press(HttpServletRequest request, @RequestBody(required = false) Press body,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String header = request.getHeader("Authorization");
        String key = header == null || header.length() < 8 ? null : header.substring(7).strip();
        var button = buttons.byKey(key)
            .orElseThrow(() -> new AccessDeniedException("Only a panic button's key may press: " + CurrentActor.name() + " is not one."));
        String pressId = body != null && body.pressId() != null && !body.pressId().isBlank() ? body.pressId().strip()
            : idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.strip() : null;
        if (pressId != null && pressId.length() > 100) {
            throw new org.safecity.shared.InvalidInput("pressId", "must be at most 100 characters");
        }
        var outcome = opening.fromPanic(button, pressId);
        var answer = new LinkedHashMap<String, Object>();
        answer.put("incidentId", outcome.incidentId());
        answer.put("priority", "P1");
        answer.put("premises", button.premisesName());
        answer.put("opened", outcome.opened());
        return ResponseEntity.status(outcome.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    @PostMapping("/api/v1/panic-buttons")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Register a premises' panic button; the answer holds its key, shown only this once")
    PanicButtonView register(@RequestBody NewPanicButton request) {
        var issued = buttons.register(new PanicButtons.Registration(request.premisesName(), request.premisesKind(),
            request.address(), Points.required(request.location(), "location"), request.cityCode(), request.zoneCode(),
            request.premisesId()),
            CurrentActor.jurisdiction());
        return PanicButtonView.of(issued.button(), issued.key());
    }

    @GetMapping("/api/v1/panic-buttons")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The registered panic buttons (without keys)")
    List<PanicButtonView> list() {
        return buttons.list(CurrentActor.jurisdiction()).stream().map(b -> PanicButtonView.of(b, null)).toList();
    }

    /** @param openIncidentId the incident the latest press opened, while it is open */
    record PanicButtonOnMap(long id, String premisesName, String premisesKind, String address, String cityCode, String zoneCode,
                            Instant lastPressedAt, Long openIncidentId) {
    }

    record PanicButtonFeature(String type, Map<String, Object> geometry, PanicButtonOnMap properties) {
    }

    record PanicButtonCollection(String type, List<PanicButtonFeature> features) {
    }

    @GetMapping("/api/v1/panic-buttons/map")
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','SUPERVISOR','DISPATCHER')")
    @Operation(summary = "The working panic buttons of the caller's jurisdiction as GeoJSON, each with its latest press and the "
        + "incident that press opened while it is open (no keys)")
    PanicButtonCollection map() {
        return new PanicButtonCollection("FeatureCollection", buttons.onMap(CurrentActor.jurisdiction()).stream().map(m -> {
            var b = m.button();
            return new PanicButtonFeature("Feature", Map.of("type", "Point", "coordinates", List.of(b.location().lon(), b.location().lat())),
                new PanicButtonOnMap(b.id(), b.premisesName(), b.premisesKind(), b.address(), b.cityCode(), b.zoneCode(),
                    m.lastPressedAt(), m.openIncidentId()));
        }).toList());
    }

    @DeleteMapping("/api/v1/panic-buttons/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Revoke a panic button's key at once")
    void revoke(@PathVariable long id) {
        buttons.revoke(id, CurrentActor.jurisdiction());
    }
}
