package org.safecity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/** The room left on the disk holding the data directory, measured on the real file system. */
class FullDiskTest {

    @TempDir
    Path dataDir;

    @Test
    void the_minimum_free_space_is_a_size_or_a_share_of_the_disk() {
        assertThat(FreeSpace.minimum("1GB", 500L << 30)).isEqualTo(1L << 30);
        assertThat(FreeSpace.minimum("2%", 500L << 30)).isEqualTo(10L << 30);
        assertThat(FreeSpace.minimum("", 500L << 30)).isZero();
        assertThat(FreeSpace.minimum("500mb", 500L << 30)).isEqualTo(500L << 20);
        assertThat(FreeSpace.minimum("4096", 500L << 30)).isEqualTo(4096);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FreeSpace.minimum("lots", 500L << 30))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("safecity.min-free-space");
        assertThatThrownBy(() -> FreeSpace.minimum("150%", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_data_disk_health_is_down_below_the_minimum_and_up_above_it() {
        var settings = new StorageSettings(dataDir, null);

        assertThat(new DataDiskHealth(settings, "100%").health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new DataDiskHealth(settings, "1MB").health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void safecity_does_not_start_on_a_full_disk_and_says_which_and_what_to_do() {
        assertThatThrownBy(() -> new DataDirectory(new StorageSettings(dataDir.resolve("data"), null), "100%"))
            .isInstanceOf(DataDirectory.NotEnoughSpace.class)
            .hasMessageContaining("The disk holding SafeCity's data directory " + dataDir.resolve("data") + " is full")
            .hasMessageContaining("Free space on that disk");
        assertThat(dataDir.resolve("data")).as("nothing written before the check").doesNotExist();
    }
}
