package org.safecity.vision.internal.plates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.safecity.identity.AuditTrail;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.safecity.vision.internal.PlateReader;
import org.safecity.vision.internal.Stills;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads the plates in a still a person uploads (a photo from the field, a frame saved from
 * footage). The picture is read and forgotten; who read which plates, and why when they say, is
 * written to the audit trail. The form is parsed only after the caller's role is checked.
 */
@RestController
@Tag(name = "Vision", description = "Plates, faces, people and vehicles found in pictures")
class PlateReadingController {

    static final String IMAGE_PART = "image";
    /** A body this many times the limit is refused before it is read. */
    private static final long FAR_OVER = 4;

    private final PlateReader reader;
    private final AuditTrail audit;
    private final long maxUploadBytes;

    PlateReadingController(PlateReader reader, AuditTrail audit, PlateReadingSettings settings) {
        this.reader = reader;
        this.audit = audit;
        this.maxUploadBytes = settings.maxUploadSize().toBytes();
    }

    record PlateView(String text, String normalized, String format, double confidence, BoxView box) {
    }

    record BoxView(int x, int y, int width, int height) {
    }

    record PlatesRead(List<PlateView> plates) {
    }

    @PostMapping(path = "/api/v1/vision/plates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR','INVESTIGATOR','SUPERVISOR','TRAFFIC_REVIEWER')")
    @Writes(Writes.Scope.OWN)  // a still the caller sends is analysed and kept nowhere
    @Operation(operationId = "plateRead", summary = "Read the number plates in a picture (JPEG or PNG, form field 'image', up to safecity.vision.plates.max-upload-size, "
        + "default 10 MB); plates best first, an empty list when there is none; audited with the optional purpose",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
            schema = @Schema(type = "object", requiredProperties = {"image"}),
            schemaProperties = @SchemaProperty(name = "image",
                schema = @Schema(type = "string", format = "binary", description = "the picture, a JPEG or PNG file")))),
        parameters = @Parameter(name = "purpose", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "why the plates are read, e.g. a case number; written to the audit trail"),
        responses = {
            @ApiResponse(responseCode = "200", description = "the plates read, best first"),
            @ApiResponse(responseCode = "400", description = "no image, or a file that is not a JPEG or PNG picture",
                content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "403", description = "a role that may not read plates",
                content = @Content(mediaType = "application/problem+json")),
            @ApiResponse(responseCode = "413", description = "the picture is larger than the limit",
                content = @Content(mediaType = "application/problem+json"))})
    PlatesRead read(HttpServletRequest request) throws IOException {
        // a little over the limit is read to the end so the client hears the 413; far over, the connection is cut short
        if (request.getContentLengthLong() > FAR_OVER * maxUploadBytes) {
            throw tooLarge();
        }
        byte[] bytes = imageBytes(request);
        var picture = decode(bytes);
        var reads = reader.read(picture);
        String purpose = request.getParameter("purpose");
        audit.record("vision.plates-read", "plate", reads.isEmpty() ? null : reads.getFirst().normalized(),
            purpose == null || purpose.isBlank() ? null : purpose.strip(),
            Map.of("plates", reads.stream().map(PlateReader.PlateRead::normalized).toList(), "pictureSha256", sha256(bytes),
                "width", picture.getWidth(), "height", picture.getHeight()));
        return new PlatesRead(reads.stream().map(r -> new PlateView(r.text(), r.normalized(), r.format(), r.confidence(),
            new BoxView(r.box().x(), r.box().y(), r.box().width(), r.box().height()))).toList());
    }

    private byte[] imageBytes(HttpServletRequest request) throws IOException {
        Part part;
        try {
            part = request.getPart(IMAGE_PART);
        } catch (ServletException | IllegalStateException | IOException e) {
            // Tomcat answers a body that is not well-formed multipart (no boundary, cut short) with an IOException
            throw new InvalidInput(IMAGE_PART, "send the picture as multipart/form-data, in a part named 'image'");
        }
        if (part == null || part.getSize() == 0) {
            throw new InvalidInput(IMAGE_PART, "is required: the picture, a JPEG or PNG file, in a part named 'image'");
        }
        if (part.getSize() > maxUploadBytes) {
            throw tooLarge();
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.valueOf(413), "The picture is larger than " + maxUploadBytes / (1024 * 1024)
            + " MB; send a smaller JPEG or PNG.");
    }

    /** A JPEG or PNG, judged by its content, turned upright as a phone took it (see {@link Stills}). */
    static BufferedImage decode(byte[] bytes) {
        return Stills.read(IMAGE_PART, new ByteArrayInputStream(bytes), bytes.length).image();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
