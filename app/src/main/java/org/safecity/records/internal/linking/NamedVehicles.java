package org.safecity.records.internal.linking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.safecity.detections.OcrConfusion;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vehicles one import's records name, each by registration or chassis: matched to a known vehicle
 * (filling in the key it lacked) or new, and stored together before the links that point at them.
 */
final class NamedVehicles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A vehicle as the import sees it before it is stored: known (with an id) or new, and what to fill in. */
    static final class Slot {
        Long id;
        String plate;
        String chassis;
        boolean filled;

        Slot(Long id, String plate, String chassis) {
            this.id = id;
            this.plate = plate;
            this.chassis = chassis;
        }
    }

    private final Map<String, Slot> byPlate = new HashMap<>();
    private final Map<String, Slot> byChassis = new HashMap<>();

    /** The known vehicles with any of these registrations or (folded) chassis numbers, in one statement. */
    static NamedVehicles known(JdbcClient jdbc, Set<String> plates, Set<String> chassis) {
        var vehicles = new NamedVehicles();
        if (!plates.isEmpty() || !chassis.isEmpty()) {
            jdbc.sql("select id, plate, chassis from records.vehicle where plate = any(string_to_array(?, ',')) or chassis = any(string_to_array(?, ','))")
                .params(String.join(",", plates), String.join(",", chassis))
                .query(rs -> {
                    var slot = new Slot(rs.getLong(1), rs.getString(2), rs.getString(3));
                    if (slot.plate != null) {
                        vehicles.byPlate.put(slot.plate, slot);
                    }
                    if (slot.chassis != null) {
                        vehicles.byChassis.put(slot.chassis, slot);
                    }
                });
        }
        return vehicles;
    }

    /** The vehicle a plate or chassis names; a chassis first seen with a known plate is added to it, and a plate to a known chassis. */
    Slot vehicle(String plate, String chassis) {
        var plated = plate == null ? null : byPlate.get(plate);
        var chassised = chassis == null ? null : byChassis.get(chassis);
        if (plated != null) {
            if (chassis != null && chassised == null && plated.chassis == null) {
                plated.chassis = chassis;
                plated.filled = true;
                byChassis.put(chassis, plated);
            }
            return plated;
        }
        if (chassised != null) {
            if (plate != null && chassised.plate == null) {
                chassised.plate = plate;
                chassised.filled = true;
                byPlate.put(plate, chassised);
            }
            return chassised;
        }
        var slot = new Slot(null, plate, chassis);
        if (plate != null) {
            byPlate.put(plate, slot);
        }
        if (chassis != null) {
            byChassis.put(chassis, slot);
        }
        return slot;
    }

    /** Writes the new vehicles in one statement, which gives each slot its id, and fills in what known ones lacked. */
    void store(JdbcClient jdbc) {
        var slots = new LinkedHashSet<Slot>(byPlate.values());
        slots.addAll(byChassis.values());
        var fresh = new ArrayList<Map<String, String>>();
        for (var slot : slots) {
            if (slot.id == null) {
                var row = new HashMap<String, String>();
                row.put("plate", slot.plate);
                row.put("folded", slot.plate == null ? null : OcrConfusion.fold(slot.plate));
                row.put("chassis", slot.chassis);
                fresh.add(row);
            } else if (slot.filled) {
                jdbc.sql("update records.vehicle set plate = coalesce(plate, ?), plate_folded = coalesce(plate_folded, ?), "
                        + "chassis = coalesce(chassis, ?) where id = ?")
                    .params(slot.plate, slot.plate == null ? null : OcrConfusion.fold(slot.plate), slot.chassis, slot.id).update();
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into records.vehicle (plate, plate_folded, chassis)
                select x.plate, x.folded, x.chassis from jsonb_to_recordset(cast(? as jsonb)) as x(plate text, folded text, chassis text)
                returning id, plate, chassis""")
            .param(JSON.writeValueAsString(fresh))
            .query(rs -> {
                String plate = rs.getString(2);
                var slot = plate != null ? byPlate.get(plate) : byChassis.get(rs.getString(3));
                slot.id = rs.getLong(1);
            });
    }
}
