package org.safecity.records.internal.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safecity.shared.CsvText;
import org.safecity.shared.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department's file or answer as rows of named columns: CSV with a header row, or JSON (an array
 * of objects, or an object whose {@code records} is one). A file that cannot be read at all is refused
 * whole; what is wrong with a single row is the import's business, row by row.
 */
final class FileRows {

    /** More rows than this in one file or answer is refused: a department splits a larger export. */
    static final int MOST_ROWS = 200_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FileRows() {
    }

    static List<Map<String, String>> csv(Reader text) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        var rows = new ArrayList<Map<String, String>>();
        try (var parser = format.parse(CsvText.checked(text))) {
            if (parser.getHeaderNames().isEmpty()) {
                throw new InvalidInput("file", "must start with a header row naming its columns");
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MOST_ROWS) {
                    throw new InvalidInput("file", "has more than " + MOST_ROWS + " rows; send it in parts");
                }
                var row = new LinkedHashMap<String, String>();
                for (String column : parser.getHeaderNames()) {
                    row.put(column, record.isSet(column) ? record.get(column) : null);
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw CsvText.malformed(e);
        }
        return rows;
    }

    static List<Map<String, String>> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInput("file", "is not valid JSON: " + e.getOriginalMessage());
        }
        return json(root);
    }

    static List<Map<String, String>> json(JsonNode root) {
        JsonNode items = root != null && root.isObject() && root.has("records") ? root.get("records") : root;
        if (items == null || !items.isArray()) {
            throw new InvalidInput("records", "must be an array of records, or an object whose records is one");
        }
        if (items.size() > MOST_ROWS) {
            throw new InvalidInput("records", "has more than " + MOST_ROWS + " records; send them in parts");
        }
        var rows = new ArrayList<Map<String, String>>();
        for (JsonNode item : items) {
            var row = new LinkedHashMap<String, String>();
            if (item.isObject()) {
                item.properties().forEach(e -> {
                    JsonNode v = e.getValue();
                    row.put(e.getKey(), v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString());
                });
            }
            rows.add(row);
        }
        return rows;
    }
}
