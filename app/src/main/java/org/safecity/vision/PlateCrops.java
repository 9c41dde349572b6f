package org.safecity.vision;

import java.util.Optional;

/**
 * The plate crops of vision's reads, for the modules that keep a read's picture with what they make of
 * it (a traffic violation). A plate read from vision names its crop in its details as
 * {@code plate.crop.path}; the crop of a camera is answered only for a path of that camera.
 */
public interface PlateCrops {

    /** The crop's JPEG bytes; empty when the path is not one of the camera's crops or the crop is gone. */
    Optional<byte[]> crop(long cameraId, String path);
}
