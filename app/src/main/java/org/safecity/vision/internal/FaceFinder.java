package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds the faces in one picture, best first; an empty list when it holds none. Thread-safe. */
public interface FaceFinder {

    List<FoundFace> find(BufferedImage picture);

    /**
     * @param embedding the face's embedding, unit length, or null where no embedding model is installed
     * @param model the embedding model's name (faces are matched only against embeddings of the same model),
     *              or null with no embedding
     */
    record FoundFace(PixelBox box, double confidence, float[] embedding, String model) {
    }
}
