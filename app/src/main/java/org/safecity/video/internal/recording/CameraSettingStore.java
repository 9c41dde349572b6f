package org.safecity.video.internal.recording;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.video.internal.SegmentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cameras whose recording an administrator switched off ({@code video.camera_setting}). */
@Repository
public class CameraSettingStore {

    private final JdbcClient jdbc;

    CameraSettingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> notRecorded() {
        return jdbc.sql("select camera_id from video.camera_setting where not recording").query(Long.class).list().stream()
            .collect(Collectors.toSet());
    }

    public void setRecording(long cameraId, boolean recording, String by, Instant at) {
        jdbc.sql("""
                insert into video.camera_setting (camera_id, recording, changed_by, changed_at) values (?, ?, ?, ?)
                on conflict (camera_id) do update set recording = excluded.recording, changed_by = excluded.changed_by,
                                                      changed_at = excluded.changed_at""")
            .params(cameraId, recording, by, SegmentStore.ts(at)).update();
    }
}
