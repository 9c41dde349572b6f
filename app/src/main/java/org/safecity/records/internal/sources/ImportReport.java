package org.safecity.records.internal.sources;

import java.util.List;

/**
 * What an import did, row by row: each row was added (a new record or a new version), unchanged (that
 * version was already here with the same content), or refused with the reasons, so the department
 * can correct and send it again.
 */
record ImportReport(long importId, long sourceId, String via, int rows, int added, int unchanged, int refused, List<Row> report) {

    enum Outcome { ADDED, UNCHANGED, REFUSED }

    /** @param row the row's number in the file (the header is row 1) or the item's index in a pushed or pulled batch (from 0) */
    record Row(int row, String sourceRecordId, String version, Outcome outcome, Long recordId, List<String> problems) {
    }
}
