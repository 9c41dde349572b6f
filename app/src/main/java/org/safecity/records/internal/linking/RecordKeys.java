package org.safecity.records.internal.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safecity.detections.OcrConfusion;
import org.safecity.records.internal.DepartmentRecord;

/** What a record is found by: each person's CNIC, phone, name keys and name as written, each vehicle's folded plate and chassis, an FIR's number. */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static List<Map.Entry<String, String>> of(DepartmentRecord record) {
        var keys = new ArrayList<Map.Entry<String, String>>();
        for (var party : record.parties()) {
            if (party.person() != null) {
                var p = party.person();
                add(keys, "cnic", p.cnic());
                add(keys, "phone", p.phone());
                // Weak keys, each paired with the name so that a proposal is one index lookup, however common the name;
                // kept apart for persons named without a CNIC, the only ones a person arriving with a CNIC may be proposed as.
                for (String name : new String[] {p.name(), p.nameUrdu()}) {
                    for (String weak : weakKeys(SpellingKey.whole(name), p)) {
                        add(keys, p.cnic() == null ? "alike-unknown" : "alike", weak);
                    }
                }
                for (String name : new String[] {p.name(), p.nameUrdu()}) {
                    String whole = SpellingKey.whole(name);
                    if (!whole.isEmpty()) {
                        add(keys, "name", whole);
                        add(keys, "spelled", spelled(name));
                        SpellingKey.words(name).forEach(word -> add(keys, "word", word));
                    }
                }
            }
            if (party.vehicle() != null) {
                add(keys, "plate", party.vehicle().plate() == null ? null : OcrConfusion.fold(party.vehicle().plate()));
                add(keys, "chassis", chassis(party.vehicle().chassis()));
            }
        }
        if (record instanceof DepartmentRecord.FirRecord fir && fir.year() != null && fir.number() != null) {
            add(keys, "fir", fir.reference());
        }
        return keys.stream().distinct().toList();
    }

    /** A name's spelling key with the father's name's, the date of birth, and the phone: what proposes a link. */
    static List<String> weakKeys(String wholeName, DepartmentRecord.PersonNamed p) {
        var weak = new ArrayList<String>();
        if (wholeName.isEmpty()) {
            return weak;
        }
        String father = SpellingKey.whole(p.fatherName());
        if (!father.isEmpty()) {
            weak.add(wholeName + " #father " + father);
        }
        if (p.dateOfBirth() != null) {
            weak.add(wholeName + " #born " + p.dateOfBirth());
        }
        if (p.phone() != null) {
            weak.add(wholeName + " #phone " + p.phone());
        }
        return weak;
    }

    /**
     * A name as written, only its case and the space around it set aside: what finds the very spelling searched for among
     * the many that share its spelling key, however common the name.
     */
    public static String spelled(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    public static String chassis(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static void add(List<Map.Entry<String, String>> keys, String kind, String value) {
        if (value != null && !value.isEmpty()) {
            keys.add(Map.entry(kind, value));
        }
    }
}
