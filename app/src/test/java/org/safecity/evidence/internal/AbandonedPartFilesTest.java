package org.safecity.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.storage.StorageSettings;

class AbandonedPartFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void part_files_untouched_for_an_hour_are_removed_and_those_still_being_written_are_kept() throws Exception {
        Path incoming = Files.createDirectories(dataDir.resolve("media/evidence/incoming"));
        Path exports = Files.createDirectories(dataDir.resolve("exports"));
        Instant now = Instant.now();
        Path killedUpload = written(incoming.resolve("killed.part"), now.minus(Duration.ofHours(3)));
        Path killedExport = written(exports.resolve("bundle.zip.part"), now.minus(Duration.ofMinutes(61)));
        Path uploading = written(incoming.resolve("uploading.part"), now.minusSeconds(5));
        Path bundle = written(exports.resolve("finished.zip"), now.minus(Duration.ofDays(30)));
        var sweeper = new AbandonedPartFiles(new StorageSettings(dataDir, null), Clock.fixed(now, java.time.ZoneOffset.UTC));

        sweeper.sweep();

        assertThat(killedUpload).doesNotExist();
        assertThat(killedExport).doesNotExist();
        assertThat(uploading).as("an upload still arriving").exists();
        assertThat(bundle).as("not a part file").exists();
    }

    @Test
    void a_data_directory_without_the_folders_yet_is_nothing_to_sweep() {
        var sweeper = new AbandonedPartFiles(new StorageSettings(dataDir.resolve("new"), null), Clock.systemUTC());

        assertThat(sweeper.removeOlderThan(Instant.now())).isZero();
    }

    private static Path written(Path file, Instant lastWritten) throws Exception {
        Files.writeString(file, "partial content");
        Files.setLastModifiedTime(file, FileTime.from(lastWritten));
        return file;
    }
}
