package org.safecity.vision.internal.faces;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.safecity.vision.internal.FaceFinder;
import org.safecity.vision.internal.Picture;
import org.safecity.vision.internal.PixelBox;

/** Faces by BlazeFace, each described by the embedder (FaceRes), best first. */
public final class ModelFaceFinder implements FaceFinder {

    private final BlazeFace detector;
    private final FaceEmbedder embedder;

    public ModelFaceFinder(BlazeFace detector, FaceEmbedder embedder) {
        this.detector = detector;
        this.embedder = embedder;
    }

    @Override
    public List<FoundFace> find(BufferedImage image) {
        var picture = Picture.of(image);
        return detector.detect(picture).stream()
            .map(face -> {
                PixelBox box = face.box().toPixels(picture.width(), picture.height());
                return box == null ? null : new FoundFace(box, face.score(), embedder.embed(picture, face), embedder.model());
            })
            .filter(Objects::nonNull)
            .toList();
    }
}
