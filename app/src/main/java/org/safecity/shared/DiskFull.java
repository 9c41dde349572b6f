package org.safecity.shared;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a failure was the disk filling up: the operating system's "No space left on device" (ENOSPC)
 * or "Disk quota exceeded" under a file write, or PostgreSQL's {@code disk_full} (SQLSTATE 53100),
 * anywhere in the chain of causes. Such a failure is answered 507 Insufficient Storage with words an
 * operator can act on, not as an unexplained server error.
 */
public final class DiskFull {

    public static final String DETAIL = "The server's disk is full, so nothing could be saved and nothing was changed. "
        + "Tell the system administrator: free space on the disk holding SafeCity's data directory (and the database's), "
        + "then try again.";

    private DiskFull() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
