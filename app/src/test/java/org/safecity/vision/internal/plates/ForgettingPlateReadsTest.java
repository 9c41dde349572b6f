package org.safecity.vision.internal.plates;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plate reads and their crops are deleted once past their retention; fresh reads and the evaluation set stay. */
class ForgettingPlateReadsTest extends IntegrationTest {

    @Autowired
    private ForgettingPlateReads forgetting;
    @Autowired
    private PlateReadStore reads;
    @Autowired
    private CropStore crops;
    @Autowired
    private PlateReadingSettings settings;
    @Autowired
    private JdbcClient jdbc;

    /** A camera of its own (reads name no registry camera), so its crops' folders are this test's alone. */
    private final long camera = 800_000_000L + ThreadLocalRandom.current().nextInt(100_000_000);

    private long read(String plate, Instant at) {
        String path = crops.store(camera, at, "plate-" + at.toEpochMilli() + "-" + plate.toLowerCase(), new BufferedImage(40, 12,
            BufferedImage.TYPE_INT_RGB));
        String eventId = "vision:" + camera + ":plate:" + at.toEpochMilli() + ":" + plate;
        reads.add(eventId, camera, "MRD", null, at, plate, plate, "KP", 0.9, path);
        return jdbc.sql("select id from vision.plate_read where event_id = ?").param(eventId).query(Long.class).single();
    }

    private boolean kept(long id) {
        return reads.find(id).isPresent();
    }

    private boolean cropKept(String path) {
        return Files.exists(crops.file(path));
    }

    @Test
    void an_old_read_and_its_crop_go_a_fresh_one_and_an_old_one_marked_wrong_stay() {
        Instant now = Instant.now();
        Instant old = now.minus(settings.readsKeptFor()).minus(Duration.ofDays(3));
        long oldRead = read("PR1001", old);
        long inCase = read("PR1002", old.plusSeconds(60));
        long markedWrong = read("PR1003", old.plusSeconds(120));
        long fresh = read("PR1004", now.minus(Duration.ofHours(1)));
        long notYet = read("PR1005", now.minus(settings.readsKeptFor()).plus(Duration.ofHours(1)));
        String oldCrop = reads.find(oldRead).orElseThrow().cropPath();
        String inCaseCrop = reads.find(inCase).orElseThrow().cropPath();
        String wrongCrop = reads.find(markedWrong).orElseThrow().cropPath();
        String freshCrop = reads.find(fresh).orElseThrow().cropPath();
        String notYetCrop = reads.find(notYet).orElseThrow().cropPath();
        reads.addedToCase(inCase, UUID.randomUUID(), UUID.randomUUID(), "test.investigator", old.plusSeconds(600));
        reads.correct(markedWrong, "PR 1008", "test.reviewer", old.plusSeconds(700));
        // a crop whose read the intake never kept (a refused detection): nothing names it
        String unread = crops.store(camera, old, "plate-" + old.toEpochMilli() + "-pr1009", new BufferedImage(40, 12,
            BufferedImage.TYPE_INT_RGB));

        forgetting.forget();

        assertThat(kept(oldRead)).isFalse();
        assertThat(cropKept(oldCrop)).isFalse();
        assertThat(kept(inCase)).as("the case holds its own copy of the crop").isFalse();
        assertThat(cropKept(inCaseCrop)).isFalse();
        assertThat(jdbc.sql("select count(*) from vision.read_evidence where read_id = ?").param(inCase).query(Integer.class).single())
            .isZero();
        assertThat(cropKept(unread)).isFalse();
        assertThat(kept(markedWrong)).as("the evaluation set is kept longer").isTrue();
        assertThat(cropKept(wrongCrop)).isTrue();
        assertThat(kept(fresh)).isTrue();
        assertThat(cropKept(freshCrop)).isTrue();
        assertThat(kept(notYet)).isTrue();
        assertThat(cropKept(notYetCrop)).isTrue();
    }

    @Test
    void a_read_marked_wrong_goes_with_its_crop_once_past_the_longer_retention() {
        Instant older = Instant.now().minus(settings.correctedReadsKeptFor()).minus(Duration.ofDays(2));
        long markedWrong = read("PR2001", older);
        String crop = reads.find(markedWrong).orElseThrow().cropPath();
        reads.correct(markedWrong, null, "test.reviewer", older.plusSeconds(60));

        forgetting.forget();

        assertThat(kept(markedWrong)).isFalse();
        assertThat(cropKept(crop)).isFalse();
        assertThat(crops.file(crop).getParent()).as("the day's folder, left empty").doesNotExist();
    }
}
