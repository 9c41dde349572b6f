package org.safecity.vision.internal;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds people and vehicles in one picture, best first. Thread-safe. */
public interface ObjectFinder {

    List<FoundObject> find(BufferedImage picture);

    enum ObjectClass { PERSON, BICYCLE, CAR, MOTORCYCLE, BUS, TRUCK }

    record FoundObject(ObjectClass objectClass, double confidence, PixelBox box) {
    }
}
