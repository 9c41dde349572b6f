package org.safecity.vision.internal.faces;

import org.safecity.vision.internal.Picture;

/**
 * Turns a found face into an embedding: a vector of unit length whose dot product with another
 * face's embedding from the same {@link #model()} is high for the same person and low for
 * another. Embeddings of different models are never compared.
 */
public interface FaceEmbedder {

    /** The model's name as stored beside every embedding it makes, e.g. {@code faceres-1024}. */
    String model();

    /** The embedding of the face, unit length, {@link #dimensions()} long. */
    float[] embed(Picture picture, BlazeFace.Detection face);

    int dimensions();
}
