package org.safecity.records.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safecity.detections.OcrConfusion;
import org.safecity.records.internal.FirNumbers;
import org.safecity.records.internal.Phones;
import org.safecity.records.internal.linking.RecordKeys;
import org.safecity.records.internal.linking.SpellingKey;
import org.safecity.shared.Plate;

/**
 * What a search text may be, each reading tried: a CNIC (13 digits, dashes or not), a phone, an FIR
 * number, a plate (folded for the characters a reader confuses, and within one character missing or
 * extra), a chassis, a name (by spelling key, English or Urdu script). One text may be several.
 */
public record SearchQuery(String text, String cnic, String phone, String fir, String plate, String plateFolded, String chassis,
                   List<String> nameWords, String nameWhole) {

    public static SearchQuery of(String text) {
        String q = text.strip();
        String digits = q.replaceAll("[\\s-]", "");
        String cnic = digits.matches("[0-9]{13}") ? digits : null;
        String phoneDigits = q.replaceAll("[\\s()+-]", "");
        String phone = cnic == null && phoneDigits.matches("[0-9]{10,13}") && (phoneDigits.startsWith("03") || phoneDigits.startsWith("3")
            || phoneDigits.startsWith("92") || phoneDigits.startsWith("0092")) ? Phones.national(phoneDigits) : null;
        String fir = FirNumbers.in(q).orElse(null);
        String plate = null;
        String folded = null;
        String normalised = Plate.normalise(q);
        if (cnic == null && phone == null && fir == null && normalised.length() >= 3 && normalised.length() <= 12 && normalised.matches(".*[0-9].*")
            && normalised.matches(".*[A-Z].*") && q.matches("[A-Za-z0-9 -]+")) {
            plate = normalised;
            folded = OcrConfusion.fold(normalised);
        }
        String chassis = q.matches("[A-Za-z0-9-]{8,20}") ? RecordKeys.chassis(q) : null;
        boolean named = plate == null && cnic == null && phone == null && fir == null && q.codePoints().anyMatch(Character::isLetter);
        List<String> words = named ? SpellingKey.words(q) : List.of();
        return new SearchQuery(q, cnic, phone, fir, plate, folded, chassis, words, SpellingKey.whole(q));
    }

    /** Folded plates within one character of the read, the read's own first. */
    List<String> nearPlates() {
        return plateFolded == null ? List.of() : new ArrayList<>(OcrConfusion.withinOneCharacter(plateFolded));
    }

    Optional<String> named() {
        return nameWords.isEmpty() ? Optional.empty() : Optional.of(nameWhole);
    }
}
