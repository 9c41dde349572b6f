package org.safecity.records.internal;

import java.util.List;
import java.util.Optional;
import org.safecity.traffic.VehicleRegistrations;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registered owner e-challan addresses a challan to: the newest current vehicle registration a
 * source sent for the plate. Until every department feeds records, a plate no source has sent is
 * answered from e-challan's own registration table, which stays beside this one for that.
 */
@Component
@Primary
class OwnersOfVehicles implements VehicleRegistrations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final List<VehicleRegistrations> others;

    OwnersOfVehicles(JdbcClient jdbc, List<VehicleRegistrations> all) {
        this.jdbc = jdbc;
        this.others = all.stream().filter(r -> !(r instanceof OwnersOfVehicles)).toList();
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
                return Optional.of(new VehicleRegistration(plate, v.owner().name(), v.owner().cnic(), phone(fields), null, v.make(), v.model(),
                    v.colour()));
            }
        }
        return others.stream().map(o -> o.find(plate)).flatMap(Optional::stream).findFirst();
    }

    /** The owner's phone as the department wrote it, for the SMS gateway (the key keeps only its national digits). */
    private static String phone(Fields fields) {
        return fields.text("ownerPhone");
    }
}
