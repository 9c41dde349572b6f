package org.safecity.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way a time is written for people: Pakistan Standard Time, year first, 24-hour clock, and
 * the zone said: {@code 2026-12-04 21:05:33 PKT}; a day is {@code 2026-12-04}. It reads the same in
 * every locale and is what a person types into a time field. The console's {@code static/js/time.js}
 * writes the same.
 */
public final class ShownTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'PKT'", Locale.US)
        .withZone(TimeConfiguration.DISPLAY_ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.US);
    private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss'_PKT'", Locale.US)
        .withZone(TimeConfiguration.DISPLAY_ZONE);

    private ShownTime() {
    }

    /** {@code 2026-12-04 21:05:33 PKT}; a dash for no time. */
    public static String of(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** {@code 2026-12-04}, the calendar day in Pakistan. */
    public static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant.atZone(TimeConfiguration.DISPLAY_ZONE));
    }

    public static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    /** For a file's name, sortable and free of colons: {@code 2026-12-04_21-05-33_PKT}. */
    public static String inFileName(Instant instant) {
        return FILE_NAME.format(instant);
    }
}
