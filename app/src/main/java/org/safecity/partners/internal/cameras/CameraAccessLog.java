package org.safecity.partners.internal.cameras;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.safecity.partners.internal.Access;
import org.safecity.partners.internal.premises.PremisesStore;
import org.safecity.shared.NotFound;
import org.safecity.shared.PageRequest;
import org.safecity.video.PartnerCameraAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who opened a premises' cameras, when and why ({@code partners.camera_access}): video records each
 * opening of a partner's camera here, and the premises' manager and the compliance staff read it.
 */
@RestController
@Tag(name = "Premises", description = "Commercial premises under the Safe Cities Authority Act: register, compliance, map")
class CameraAccessLog implements PartnerCameraAccess {

    /** The premises' manager for its own, the compliance staff and supervisors. */
    static final String READ = "hasAnyRole('ADMIN','COMPLIANCE_OFFICER','SUPERVISOR','PARTNER')";

    private final JdbcClient jdbc;
    private final PremisesStore premises;

    CameraAccessLog(JdbcClient jdbc, PremisesStore premises) {
        this.jdbc = jdbc;
        this.premises = premises;
    }

    record Opening(long cameraId, String who, String what, String purpose, Instant at) {
    }

    @Override
    public void opened(Opened access) {
        jdbc.sql("insert into partners.camera_access (premises_id, camera_id, who, what, purpose, at) values (?, ?, ?, ?, ?, ?)")
            .params(access.partnerId(), access.cameraId(), access.who(), access.what(), access.purpose(), Timestamp.from(access.at()))
            .update();
    }

    @GetMapping("/api/v1/premises/{id}/camera-access")
    @PreAuthorize(READ)
    @Operation(summary = "Who opened the premises' cameras (live, playback, snapshot, clip), when and for what stated purpose, newest first")
    List<Opening> list(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Access.reach(premises.find(id).orElseThrow(() -> new NotFound("premises", id)));
        var request = PageRequest.of(page, size);
        return jdbc.sql("select camera_id, who, what, purpose, at from partners.camera_access where premises_id = ? "
                + "order by at desc, id desc limit ? offset ?")
            .params(id, request.size(), request.offset())
            .query((rs, n) -> new Opening(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
            .list();
    }
}
