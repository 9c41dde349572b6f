package org.safecity.video.internal;

import java.nio.file.Path;
import org.safecity.storage.StorageSettings;

/** Where video lives: {@code <data-dir>/media/video/{camera}/{day}/...}, clips under {@code clips/}, demo clips under {@code demo/}. */
public final class VideoFolders {

    private VideoFolders() {
    }

    public static Path root(StorageSettings storage) {
        return storage.dataDir().toAbsolutePath().normalize().resolve("media").resolve("video");
    }
}
