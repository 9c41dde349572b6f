package org.safecity.partners.internal.cameras;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safecity.identity.Writes;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.registry.PartnerCameras;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.NotFound;
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
 * A premises' manager adds its cameras: an RTSP stream, or an ONVIF camera or recorder whose streams
 * SafeCity reads from it. Every stream is probed first and refused in plain words when it will not do.
 */
@RestController
@Tag(name = "Premises")
class PremisesCameraController {

    private final OnboardingCameras onboarding;
    private final PremisesStore premises;
    private final PartnerCameras cameras;

    PremisesCameraController(OnboardingCameras onboarding, PremisesStore premises, PartnerCameras cameras) {
        this.onboarding = onboarding;
        this.premises = premises;
        this.cameras = cameras;
    }

    record StreamInput(@Schema(description = "what the camera shows, e.g. Main entrance") String name,
                       @Schema(description = "the RTSP address of the camera's main stream, without credentials",
                           example = "rtsp://192.0.2.10:554/Streaming/Channels/101") String streamAddress,
                       @Schema(description = "the stream's username, if it asks for one") String username,
                       @Schema(description = "the stream's password; stored encrypted, never shown again") String password) {

        @Override
        public String toString() {
            return "StreamInput[" + name + ", " + streamAddress + ", " + username + ", ****]";
        }
    }

    record OnvifInput(@Schema(description = "the cameras' name; an NVR's channels are numbered after it") String name,
                      @Schema(description = "the device service address", example = "http://192.0.2.10/onvif/device_service")
                      String deviceAddress,
                      @Schema(description = "the ONVIF account's username, also used for its streams") String username,
                      @Schema(description = "the ONVIF account's password; stored encrypted with the streams") String password) {

        @Override
        public String toString() {
            return "OnvifInput[" + name + ", " + deviceAddress + ", " + username + ", ****]";
        }
    }

    @PostMapping("/api/v1/premises/{id}/cameras")
    @PreAuthorize(Access.DESCRIBE_CAMERAS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a camera of the premises by its RTSP address; the stream is probed (codec, resolution, frame rate, "
        + "bitrate) and refused in plain words when it will not do. The same address again answers the camera already there")
    @ApiResponse(responseCode = "201", description = "the camera joined the network", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "the premises already had a camera at this address", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "the premises is not registered")
    ResponseEntity<Map<String, Object>> addStream(@PathVariable long id, @RequestBody StreamInput body) {
        if (body == null) {
            throw new InvalidInput("streamAddress", "is required");
        }
        var outcome = onboarding.addStream(id, body.name(), body.streamAddress(), body.username(), body.password());
        if (outcome.verdict() instanceof StreamAcceptance.Refused refused) {
            throw new InvalidInput("streamAddress", refused.reason());
        }
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(OnboardingCameras.view(outcome));
    }

    @PostMapping("/api/v1/premises/{id}/onvif-devices")
    @PreAuthorize(Access.DESCRIBE_CAMERAS)
    @Writes(Writes.Scope.JURISDICTION)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add the cameras of an ONVIF camera or recorder: SafeCity reads its profiles and stream addresses "
        + "(WS-Security digest), probes the main stream of each video source and answers each as accepted or refused")
    @ApiResponse(responseCode = "201", description = "at least one camera joined the network", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "no new camera: each stream was already there or refused", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "the premises is not registered")
    ResponseEntity<Map<String, Object>> addOnvifDevice(@PathVariable long id, @RequestBody OnvifInput body) {
        if (body == null) {
            throw new InvalidInput("deviceAddress", "is required");
        }
        var outcomes = onboarding.addOnvifDevice(id, body.name(), body.deviceAddress(), body.username(), body.password());
        boolean created = outcomes.stream().anyMatch(OnboardingCameras.Outcome::created);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
            .body(Map.of("streams", outcomes.stream().map(OnboardingCameras::view).toList()));
    }

    @GetMapping("/api/v1/premises/{id}/cameras")
    @PreAuthorize(Access.READ)
    @Operation(summary = "The premises' cameras in service (a premises' manager reads its own)")
    List<Map<String, Object>> cameras(@PathVariable long id) {
        Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        return cameras.of(id).stream().map(c -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", c.id());
            row.put("name", c.name());
            row.put("resolution", c.resolution());
            row.put("registeredAt", c.registeredAt());
            return (Map<String, Object>) row;
        }).toList();
    }
}
