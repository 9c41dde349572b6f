package org.safecity.console;

import java.time.Instant;
import java.util.List;

/**
 * A person's saved video wall: {@code size} tiles a screen (1, 4, 9 or 16) on one screen or two (the
 * second opens as a window of its own), what each tile shows ({@code size × screens} of them, the
 * first screen's first), and optionally a group the whole wall cycles through a page at a time.
 */
record WallLayout(long id, long accountId, String name, int size, int screens, List<WallTile> tiles,
                  WallTile.Sequence sequence, Instant updatedAt) {

    static final List<Integer> SIZES = List.of(1, 4, 9, 16);
    static final int MOST_SCREENS = 2;
    /** Enough for every shift and task a person has; more is a list nobody reads. */
    static final int MOST_PER_ACCOUNT = 50;
}
