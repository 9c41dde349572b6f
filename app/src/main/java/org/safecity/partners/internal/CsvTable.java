package org.safecity.partners.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table as a CSV download, for a spreadsheet. A cell that a spreadsheet would run as a formula
 * (starting {@code = + - @}, a premises' name typed by its applicant among them) is written with a
 * leading apostrophe, so it opens as the text it is.
 */
public final class CsvTable {

    private final List<String> lines = new ArrayList<>();

    public CsvTable(List<String> header) {
        row(new ArrayList<>(header));
    }

    public CsvTable row(List<?> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        lines.add(line.toString());
        return this;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    public ResponseEntity<String> download(String filename) {
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
            .body(String.join("\r\n", lines) + "\r\n");
    }
}
