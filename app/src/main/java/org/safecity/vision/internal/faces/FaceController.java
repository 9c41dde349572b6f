package org.safecity.vision.internal.faces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.safecity.identity.Writes;
import org.safecity.shared.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Faces in a still picture, with the embeddings that face watchlists are matched by. */
@RestController
@Tag(name = "Vision", description = "Faces, people and vehicles in pictures")
class FaceController {

    private final FindingFaces finding;

    FaceController(FindingFaces finding) {
        this.finding = finding;
    }

    record Box(int x, int y, int width, int height) {
    }

    record Face(Box box, double confidence, String model, float[] embedding) {
    }

    record Faces(List<Face> faces) {
    }

    @PostMapping(path = "/api/v1/vision/faces", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','INVESTIGATOR','SUPERVISOR','OPERATOR')")
    @Writes(Writes.Scope.OWN)  // a still the caller sends is analysed and kept nowhere
    @Operation(operationId = "faceSearch", summary = "The faces in a JPEG or PNG picture (multipart field image), best first, each with its box in the "
        + "picture's pixels, the detector's confidence 0-1, and a unit-length embedding with its model's name, as a face "
        + "watchlist entry takes them. No face answers an empty list. purpose (case number or reason) is required; audited")
    Faces find(@Parameter(description = "JPEG or PNG, at most 20 MB") @RequestPart(name = "image", required = false) MultipartFile image,
               @RequestParam(required = false) String purpose) throws IOException {
        if (image == null || image.isEmpty()) {
            throw new InvalidInput("image", "is required: a JPEG or PNG picture in the multipart field image");
        }
        try (var in = image.getInputStream()) {
            var found = finding.find(in, image.getSize(), purpose);
            return new Faces(found.stream()
                .map(f -> new Face(new Box(f.box().x(), f.box().y(), f.box().width(), f.box().height()), f.confidence(), f.model(),
                    f.embedding()))
                .toList());
        }
    }
}
