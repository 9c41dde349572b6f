package org.safecity.detections.internal.storage;

/** A sighting as a line of PostgreSQL's COPY text, made on the request's thread so the writer thread only joins lines up. */
final class CopyLine {

    private CopyLine() {
    }

    /** One line of COPY's text format, all columns but the id: tab-separated, \N for null, backslash escapes. */
    static void append(StringBuilder out, SightingRow row, String receivedAt) {
        var d = row.detection();
        field(out, Long.toString(row.deviceId()));
        field(out, d.eventId());
        field(out, Long.toString(d.cameraId()));
        field(out, d.observedAt().toString());
        field(out, receivedAt);
        field(out, d.kind().jsonName());
        field(out, d.plate() == null ? null : d.plate().normalised());
        field(out, d.plate() == null ? null : d.plate().asRead());
        field(out, d.plate() == null ? null : org.safecity.detections.OcrConfusion.fold(d.plate().normalised()));
        field(out, d.confidence() == null ? null : d.confidence().toString());
        var placement = row.placement();
        field(out, placement.cityCode());
        field(out, placement.zoneCode());
        field(out, placement.point() == null ? null : Double.toString(placement.point().lat()));
        field(out, placement.point() == null ? null : Double.toString(placement.point().lon()));
        escape(out, d.details());
        out.append('\n');
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
        } else {
            escape(out, value);
        }
        out.append('\t');
    }

    private static void escape(StringBuilder out, String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.append(value); // the usual case, found by String's fast searches rather than char by char
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
