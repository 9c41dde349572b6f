package org.safecity.shared;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * The CSV imports' side of {@link TextPolicy}: every line of a file passes the same rules as a field
 * of free text (a cell may not hold what a JSON field may not), and a file the CSV parser cannot read
 * is refused in words, with the row where it went wrong, never as a server error.
 */
public final class CsvText {

    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)|line (\\d+)");

    private CsvText() {
    }

    /** The file as a reader that refuses ({@link InvalidInput}, naming the row) the first line that breaks the rules. */
    public static Reader checked(Reader csv) {
        return new CheckedLines(csv);
    }

    /** Why the parser could not read the file, told as a person can act on it. */
    public static InvalidInput malformed(Exception e) {
        String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        var line = START_LINE.matcher(message);
        String where = line.find() ? " (from row " + (line.group(1) != null ? line.group(1) : line.group(2)) + ")" : "";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new InvalidInput("file", "is not valid CSV: a quoted value is never closed" + where);
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new InvalidInput("file", "is not valid CSV: a closing quote is followed by text before the next comma" + where);
        }
        if (message.contains("duplicate name") || message.contains("header contains a duplicate")) {
            return new InvalidInput("file", "is not valid CSV: the header names a column twice");
        }
        return new InvalidInput("file", "is not valid CSV: its quotes, commas or header cannot be read" + where);
    }

    private static final class CheckedLines extends FilterReader {
        private final StringBuilder line = new StringBuilder();
        private int row = 1;

        CheckedLines(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c < 0) {
                endOfLine();
            } else {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                endOfLine();
            }
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) {
            if (c == '\n') {
                endOfLine();
                row++;
            } else if (c != '\r') {
                line.append(c);
                if (line.length() > TextPolicy.Kind.FREE_TEXT.maxLength()) {
                    endOfLine();
                }
            }
        }

        private void endOfLine() {
            var refused = TextPolicy.refusal(line.toString(), TextPolicy.Kind.FREE_TEXT);
            line.setLength(0);
            refused.ifPresent(reason -> {
                throw new InvalidInput("row " + row, reason);
            });
        }
    }
}
