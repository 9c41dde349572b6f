package org.safecity.video.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.safecity.identity.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pan, tilt, zoom and presets of a PTZ camera, for the operators, supervisors and administrators of its
 * jurisdiction; every command is audited ({@link SteeringCameras}).
 */
@RestController
@Tag(name = "Video")
class PtzController {

    static final String STEERS = "hasAnyRole('OPERATOR','SUPERVISOR','ADMIN')";
    private static final String NOT_STEERABLE = "the camera cannot be steered: not a PTZ camera, a partner's camera, no ONVIF "
        + "address or no stored credentials, or its device offers no PTZ service";
    private static final String BAD_GATEWAY = "the camera's device could not be reached, refused the credentials or the command";
    private static final String TIMEOUT = "the camera's device did not answer in time";

    private final SteeringCameras steering;

    PtzController(SteeringCameras steering) {
        this.steering = steering;
    }

    /**
     * Velocities from -1 to 1 (0 or left out: that axis stays still); the camera stops by itself after {@code seconds}
     * unless moved again, so a stop that is lost cannot leave it turning.
     */
    record PtzMove(@Schema(description = "pan velocity, -1 (left) to 1 (right)") Double pan,
                     @Schema(description = "tilt velocity, -1 (down) to 1 (up)") Double tilt,
                     @Schema(description = "zoom velocity, -1 (out) to 1 (in)") Double zoom,
                     @Schema(description = "seconds the move lasts unless stopped or repeated, 0.5 to 10; 2 when left out") Double seconds) {
    }

    record PtzPresetName(@Schema(description = "what the position shows, up to 64 characters") String name) {
    }

    record PtzPreset(String token, String name) {
        static PtzPreset of(OnvifPtz.Preset preset) {
            return new PtzPreset(preset.token(), preset.name());
        }
    }

    record PtzPresets(List<PtzPreset> items) {
    }

    @PostMapping("/api/v1/cameras/{id}/ptz/move")
    @PreAuthorize(STEERS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Start moving a PTZ camera (ONVIF ContinuousMove with a timeout); audited")
    @ApiResponse(responseCode = "204", description = "the camera is moving")
    @ApiResponse(responseCode = "409", description = NOT_STEERABLE)
    @ApiResponse(responseCode = "502", description = BAD_GATEWAY)
    @ApiResponse(responseCode = "504", description = TIMEOUT)
    ResponseEntity<Void> move(@PathVariable long id, @RequestBody PtzMove body) {
        steering.move(id, body.pan(), body.tilt(), body.zoom(), body.seconds());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cameras/{id}/ptz/stop")
    @PreAuthorize(STEERS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a PTZ camera's pan, tilt and zoom; audited")
    @ApiResponse(responseCode = "204", description = "the camera stopped")
    @ApiResponse(responseCode = "409", description = NOT_STEERABLE)
    @ApiResponse(responseCode = "502", description = BAD_GATEWAY)
    @ApiResponse(responseCode = "504", description = TIMEOUT)
    ResponseEntity<Void> stop(@PathVariable long id) {
        steering.stop(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/cameras/{id}/ptz/presets")
    @PreAuthorize(STEERS)
    @Operation(summary = "The presets a PTZ camera keeps, in its order")
    @ApiResponse(responseCode = "200", description = "the presets", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = NOT_STEERABLE)
    @ApiResponse(responseCode = "502", description = BAD_GATEWAY)
    @ApiResponse(responseCode = "504", description = TIMEOUT)
    PtzPresets presets(@PathVariable long id) {
        return new PtzPresets(steering.presets(id).stream().map(PtzPreset::of).toList());
    }

    @PostMapping("/api/v1/cameras/{id}/ptz/presets/{token}/go")
    @PreAuthorize(STEERS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn a PTZ camera to one of its presets (ONVIF GotoPreset); audited")
    @ApiResponse(responseCode = "204", description = "the camera is turning to the preset")
    @ApiResponse(responseCode = "404", description = "no such camera the caller may steer, or no such preset")
    @ApiResponse(responseCode = "409", description = NOT_STEERABLE)
    @ApiResponse(responseCode = "502", description = BAD_GATEWAY)
    @ApiResponse(responseCode = "504", description = TIMEOUT)
    ResponseEntity<Void> goToPreset(@PathVariable long id, @PathVariable @Parameter(description = "the preset's token") String token) {
        steering.goTo(id, token);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/cameras/{id}/ptz/presets")
    @PreAuthorize(STEERS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.CREATED)  // for the API description; the answer sets it too
    @Operation(summary = "Save a PTZ camera's present position as a new preset (ONVIF SetPreset); audited")
    @ApiResponse(responseCode = "201", description = "the preset, with the token the camera gave it", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = NOT_STEERABLE)
    @ApiResponse(responseCode = "502", description = BAD_GATEWAY)
    @ApiResponse(responseCode = "504", description = TIMEOUT)
    ResponseEntity<PtzPreset> savePreset(@PathVariable long id, @RequestBody PtzPresetName body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PtzPreset.of(steering.save(id, body.name())));
    }
}
