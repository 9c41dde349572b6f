package org.safecity.records.internal;

import java.time.Instant;
import java.util.Map;

/** A version of a record as kept: what it says, and where and when it came from. */
public record StoredRecord(long id, long sourceId, String sourceCode, String sourceName, String sourceRecordId, String version, RecordKind kind,
                    Map<String, String> fields, Instant receivedAt, String receivedVia, boolean current, boolean open) {

    public DepartmentRecord read() {
        return DepartmentRecord.read(kind, new Fields(fields));
    }
}
