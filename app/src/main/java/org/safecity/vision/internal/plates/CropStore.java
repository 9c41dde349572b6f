package org.safecity.vision.internal.plates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.safecity.storage.StorageSettings;
import org.springframework.stereotype.Component;

/**
 * The plate crops of vision's reads, as JPEG files under {@code <data-dir>/media/vision/crops/{camera}/{day}/},
 * readable by SafeCity's user only (files 0600, folders 0700): a crop shows a plate, personal data. A
 * read's detection names its crop by {@link #relative} path; people fetch it through the API.
 */
@Component
public class CropStore implements org.safecity.vision.PlateCrops {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** What a stored crop's path looks like; anything else is refused before touching the disk. */
    static final Pattern PATH = Pattern.compile("\\d{1,19}/\\d{4}-\\d{2}-\\d{2}/[a-z0-9-]{1,80}\\.jpg");

    private final Path root;

    CropStore(StorageSettings storage) {
        this.root = storage.dataDir().toAbsolutePath().normalize().resolve("media").resolve("vision").resolve("crops");
    }

    /** Stores the crop and answers its path relative to the crops' folder, e.g. {@code 12/2026-12-04/plate-1764842400123.jpg}. */
    public String store(long cameraId, Instant at, String name, BufferedImage crop) {
        String relative = cameraId + "/" + DAY.format(at) + "/" + name + ".jpg";
        Path file = root.resolve(relative);
        try {
            folders(file.getParent());
            var bytes = new ByteArrayOutputStream();
            ImageIO.write(crop, "jpg", bytes);
            Path partial = Files.createTempFile(file.getParent(), ".crop-", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(partial, bytes.toByteArray());
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return relative;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the crop " + relative, e);
        }
    }

    /** The stored crop's bytes, if the path is one of ours and the file is there. */
    public Optional<byte[]> read(String relative) {
        if (!PATH.matcher(relative).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(relative)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> crop(long cameraId, String path) {
        return path != null && path.startsWith(cameraId + "/") ? read(path) : Optional.empty();
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    /** Deletes a stored crop; a path not of ours, or a crop already gone, changes nothing. */
    void delete(String relative) {
        if (relative != null && PATH.matcher(relative).matches()) {
            try {
                Files.deleteIfExists(root.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the crop " + relative, e);
            }
        }
    }

    /**
     * Deletes the crops of the days before {@code day} that are not {@code kept}, and the day folders left empty:
     * this also catches crops whose read was never kept (the intake refused the detection) or whose delete failed.
     * Answers how many crops went.
     */
    int deleteDaysBefore(LocalDate day, Predicate<String> kept) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (var cameras = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path camera : cameras) {
                try (var days = Files.newDirectoryStream(camera, folder -> Files.isDirectory(folder) && before(folder, day))) {
                    for (Path folder : days) {
                        try (var files = Files.newDirectoryStream(folder, "*.jpg")) {
                            for (Path file : files) {
                                if (!kept.test(root.relativize(file).toString()) && Files.deleteIfExists(file)) {
                                    deleted++;
                                }
                            }
                        }
                        try (var left = Files.list(folder)) {
                            if (left.findAny().isEmpty()) {
                                Files.deleteIfExists(folder);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not go through the old crops", e);
        }
        return deleted;
    }

    private static boolean before(Path folder, LocalDate day) {
        try {
            return LocalDate.parse(folder.getFileName().toString()).isBefore(day);
        } catch (DateTimeParseException e) {
            return false; // not a day's folder: not ours to delete
        }
    }

    private void folders(Path folder) throws IOException {
        var owner = PosixFilePermissions.fromString("rwx------");
        Path media = root.getParent().getParent();
        Path current = media;
        Files.createDirectories(media);
        for (Path part : media.relativize(folder)) {
            current = current.resolve(part);
            if (!Files.isDirectory(current)) {
                try {
                    Files.createDirectory(current, PosixFilePermissions.asFileAttribute(owner));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // made by another thread meanwhile
                }
            }
        }
    }
}
