package org.safecity.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * What SafeCity accepts as text from outside, decided here and nowhere else: JSON bodies
 * ({@link TextPolicyJson}), request parameters and paths ({@link TextPolicyFilter}), CSV imports and
 * the detections intake all ask this class. A refusal is a reason a person can act on, never an
 * exception from deep inside a store (PostgreSQL refuses NUL; a lone surrogate cannot be encoded;
 * a right-to-left override makes a reason or file name read differently from what it holds).
 *
 * <p>Refused anywhere: NUL and the other control characters (tab, line feed and carriage return are
 * allowed in free text only), unpaired UTF-16 surrogates, the bidirectional embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069; the plain marks U+200E, U+200F and U+061C stay, as
 * Urdu text uses them), the noncharacters U+FFFE and U+FFFF, and text longer than its kind allows.
 */
public final class TextPolicy {

    /** What a piece of text is, which sets its maximum length and whether it may break lines. */
    public enum Kind {
        /** Codes, numbers, references, plates, user names: short, one line. */
        IDENTIFIER(200, false),
        /** A person's, place's or thing's name, a title, a file name: one line. */
        NAME(300, false),
        /** Notes, reasons, statements, descriptions, passwords: may span lines. */
        FREE_TEXT(10_000, true),
        /** Content sent inline as text: a device's evidence image in base64 (a scene, a plate crop). */
        ENCODED(3 * 1024 * 1024, false),
        /** A device's detection details (a JSON text, as sent, inline images included): large but bounded. */
        DETAILS(4 * 1024 * 1024, true);

        private final int maxLength;
        private final boolean multiline;

        Kind(int maxLength, boolean multiline) {
            this.maxLength = maxLength;
            this.multiline = multiline;
        }

        public int maxLength() {
            return maxLength;
        }
    }

    /** A purpose (why personal data is read) needs at least this many letters to say anything. */
    public static final int PURPOSE_MIN_LETTERS = 3;

    private TextPolicy() {
    }

    /**
     * Whether the text is acceptable as any kind: short printable ASCII, as nearly every id, code and
     * value devices send is. Lets the hot paths skip working out a field's kind.
     */
    public static boolean isPlain(String text) {
        if (text.length() > Kind.IDENTIFIER.maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Why this text is refused as the given kind, or empty when it is acceptable. */
    public static Optional<String> refusal(String text, Kind kind) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > kind.maxLength) {
            return Optional.of("is too long: at most " + kind.maxLength + " characters, not " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                continue; // the usual case, ASCII text
            }
            if (c == 0) {
                return Optional.of("contains a NUL character (\\u0000), which text may not hold");
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (kind.multiline) {
                    continue;
                }
                return Optional.of("must be one line, without tabs or line breaks");
            }
            if (c < ' ' || (c >= 0x7f && c <= 0x9f)) {
                return Optional.of("contains the control character " + codePoint(c) + ", which text may not hold");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains a broken character (an unpaired UTF-16 surrogate " + codePoint(c) + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a broken character (an unpaired UTF-16 surrogate " + codePoint(c) + ")");
            }
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("contains the bidirectional control " + codePoint(c)
                    + ", which can make text read differently from what it holds");
            }
            if (c == 0xfffe || c == 0xffff) {
                return Optional.of("contains the noncharacter " + codePoint(c));
            }
        }
        return Optional.empty();
    }

    /** Throws {@link InvalidInput} naming the field when the text is refused. */
    public static String require(String field, String text, Kind kind) {
        refusal(text, kind).ifPresent(reason -> {
            throw new InvalidInput(field, reason);
        });
        return text;
    }

    /**
     * The kind a field's text is taken to be when nothing says otherwise, read from its name: ids,
     * codes, numbers and references are identifiers, names and titles are names, anything else free text.
     */
    public static Kind kindOf(String field) {
        if (field == null) {
            return Kind.FREE_TEXT;
        }
        String name = field.toLowerCase(Locale.ROOT);
        if (name.endsWith("details")) {
            return Kind.DETAILS; // a detection's own fields as sent, also carried inside published events
        }
        if (name.endsWith("image")) {
            return Kind.ENCODED; // sceneImage, plateImage, image: evidence a camera sends with its detection
        }
        if (name.equals("password") || name.endsWith("password")) {
            return Kind.FREE_TEXT; // a passphrase may be long; its characters still must be text
        }
        if (name.equals("id") || name.endsWith("id") || name.endsWith("ids") || name.endsWith("code") || name.endsWith("codes")
            || name.endsWith("number") || name.endsWith("reference") || name.endsWith("cnic") || name.endsWith("plate")
            || name.endsWith("phone") || name.endsWith("email") || name.equals("username") || name.endsWith("kind")
            || name.endsWith("type") || name.endsWith("status") || name.endsWith("role") || name.endsWith("roles")) {
            return Kind.IDENTIFIER;
        }
        if (name.endsWith("name") || name.endsWith("title") || name.endsWith("filename")) {
            return Kind.NAME;
        }
        return Kind.FREE_TEXT;
    }

    /**
     * Why a stated purpose (the reason personal data is read, written to the audit trail) is refused:
     * it must say something, so it needs a few letters, not a dot.
     */
    public static Optional<String> purposeRefusal(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return Optional.of("is required: the case number or why you search");
        }
        var refused = refusal(purpose, Kind.FREE_TEXT);
        if (refused.isPresent()) {
            return refused;
        }
        long letters = purpose.codePoints().filter(Character::isLetter).count();
        if (letters < PURPOSE_MIN_LETTERS) {
            return Optional.of("must say why, in words (at least " + PURPOSE_MIN_LETTERS + " letters), e.g. 'FIR 123/2026 theft'");
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
