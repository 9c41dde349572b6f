package org.safecity.records.internal;

import java.util.Optional;
import org.safecity.traffic.VehicleRegistrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registered owner e-challan addresses a challan to: the newest current vehicle registration a
 * source sent for the plate. The records are the only place registrations are kept: a plate no source
 * has sent has no owner (the challan is {@code NO_OWNER}).
 */
@Component
class OwnersOfVehicles implements VehicleRegistrations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    OwnersOfVehicles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VehicleRegistration> find(String plate) {
        var candidates = jdbc.sql("""
                select r.fields::text from records.record r join records.record_key k on k.record_id = r.id
                where k.kind = 'plate' and k.value = ? and r.kind = 'VEHICLE' and r.current
                order by r.received_at desc, r.id desc limit 20""")
            .param(org.safecity.detections.OcrConfusion.fold(plate)).query(String.class).list();
        for (String text : candidates) {
            var fields = new Fields(JSON.readValue(text, new TypeReference<java.util.Map<String, String>>() { }));
            if (DepartmentRecord.read(RecordKind.VEHICLE, fields) instanceof DepartmentRecord.VehicleRecord v && plate.equals(v.vehicle().plate())
                && v.owner().cnic() != null && v.owner().name() != null) {
                return Optional.of(new VehicleRegistration(plate, v.owner().name(), v.owner().cnic(), phone(fields), v.ownerEmail(), v.make(), v.model(),
                    v.colour()));
            }
        }
        return Optional.empty();
    }

    /** The owner's phone as the department wrote it, for the SMS gateway (the key keeps only its national digits). */
    private static String phone(Fields fields) {
        return fields.text("ownerPhone");
    }
}
