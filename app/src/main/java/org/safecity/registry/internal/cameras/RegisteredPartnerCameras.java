package org.safecity.registry.internal.cameras;

import java.util.List;
import org.safecity.registry.PartnerCameras;
import org.safecity.registry.internal.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link PartnerCameras} read straight from the camera table: the evaluation of every premises reads them all at once. */
@Repository
class RegisteredPartnerCameras implements PartnerCameras {

    private static final String SELECT = """
        select id, partner_id, name, resolution, created_at, recorded from registry.camera
        where partner_id is not null and retired_at is null""";

    private final JdbcClient jdbc;

    RegisteredPartnerCameras(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PartnerCamera> of(long partnerId) {
        return jdbc.sql(SELECT + " and partner_id = ? order by id").param(partnerId).query(RegisteredPartnerCameras::row).list();
    }

    @Override
    public List<PartnerCamera> all() {
        return jdbc.sql(SELECT + " order by partner_id, id").query(RegisteredPartnerCameras::row).list();
    }

    private static PartnerCamera row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PartnerCamera(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("name"), rs.getString("resolution"),
            Rows.instant(rs, "created_at"), rs.getBoolean("recorded"));
    }
}
