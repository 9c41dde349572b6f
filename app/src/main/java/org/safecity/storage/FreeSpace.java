package org.safecity.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much room the disk holding the data directory must keep: {@code safecity.min-free-space}
 * ({@code SAFECITY_MIN_FREE_SPACE}), either a size ({@code 1GB}) or a share of the disk ({@code 2%}).
 * Below it the health check is DOWN and SafeCity does not start, saying what is full and what to do,
 * rather than failing later in PostgreSQL's words.
 */
public record FreeSpace(long usable, long total, long minimum) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(B|KB|MB|GB|TB)?");

    /** The room on the disk holding {@code path} now, measured against {@code setting}. */
    public static FreeSpace of(Path path, String setting) throws IOException {
        var store = Files.getFileStore(existing(path));
        long total = store.getTotalSpace();
        return new FreeSpace(store.getUsableSpace(), total, minimum(setting, total));
    }

    /** {@code 2%} of {@code total}, or a size such as {@code 1GB} or {@code 500MB}. */
    static long minimum(String setting, long total) {
        String text = setting == null ? "" : setting.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return 0;
        }
        if (text.endsWith("%")) {
            double percent = Double.parseDouble(text.substring(0, text.length() - 1).strip());
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("safecity.min-free-space: a share of the disk is 0% to 100%, not " + setting);
            }
            return (long) (total * percent / 100);
        }
        var size = SIZE.matcher(text);
        if (!size.matches()) {
            throw new IllegalArgumentException("safecity.min-free-space: a size such as 1GB or 500MB, or a share such as 2%, not " + setting);
        }
        int power = size.group(2) == null ? 0 : "BKMGT".indexOf(size.group(2).charAt(0));
        return Math.multiplyExact(Long.parseLong(size.group(1)), 1L << (10 * power));
    }


    public boolean enough() {
        return usable >= minimum;
    }

    /** What is wrong and what to do, for a person; only meaningful when not {@link #enough()}. */
    public String shortage(Path dataDir) {
        return "The disk holding SafeCity's data directory " + dataDir.toAbsolutePath().normalize() + " is full: " + megabytes(usable)
            + " free of " + megabytes(total) + ", less than the " + megabytes(minimum) + " SafeCity keeps free (safecity.min-free-space). "
            + "Its database, evidence, video and export bundles are written there. Free space on that disk (old export bundles are in "
            + "its exports folder; shorten video retention with SAFECITY_VIDEO_RETENTION_DAYS) or move the data directory to a larger "
            + "disk (SAFECITY_DATA_DIR), then start SafeCity again.";
    }

    private static String megabytes(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
    }

    /** The path, or its nearest existing parent: the data directory may not exist yet on a first start. */
    private static Path existing(Path path) {
        Path at = path.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? Path.of("/") : at;
    }
}
