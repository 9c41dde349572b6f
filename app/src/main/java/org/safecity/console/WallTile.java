package org.safecity.console;

/**
 * What one tile of a video wall shows: one camera, a camera group in sequence (a camera at a time,
 * the next after {@code seconds}), or nothing yet (the tile offers a camera to choose).
 */
sealed interface WallTile {

    /** Sequence intervals an operator can follow: a picture is held at least this long, at most an hour. */
    int FASTEST_SECONDS = 3;
    int SLOWEST_SECONDS = 3600;

    record Camera(long cameraId) implements WallTile {
    }

    /** Cycles through the cameras of a group; the wall's own sequence is one of these too. */
    record Sequence(long groupId, int seconds) implements WallTile {
    }

    record Empty() implements WallTile {
    }
}
