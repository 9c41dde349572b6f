package org.safecity.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be, decided in one place for every way a password is set. A refusal is a
 * value with a message the person can act on. Length is what matters most, so the rules beyond it
 * only refuse what a guesser tries first: the user name, a word from the common list, one
 * character or one kind of character repeated, a run along the keyboard or the alphabet.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final int MIN_DISTINCT = 5;
    private static final String COMMON_LIST = "/identity/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the common passwords shipped in the application. */
    static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the application");
            }
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            return new PasswordPolicy(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    sealed interface Verdict permits Acceptable, Refused {
    }

    record Acceptable() implements Verdict {
    }

    /** Why the password is refused, worded to follow "password ..." in an error list. */
    record Refused(String problem) implements Verdict {
    }

    Verdict judge(String password, String username) {
        if (password == null || password.isEmpty()) {
            return new Refused("is required: at least " + MIN_LENGTH + " characters");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return new Refused("must be at least " + MIN_LENGTH + " characters; a few unrelated words make a good one");
        }
        if (length > MAX_LENGTH) {
            return new Refused("must be at most " + MAX_LENGTH + " characters");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && username.strip().length() >= 3 && folded.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return new Refused("must not contain the user name");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return new Refused("uses too few different characters: at least " + MIN_DISTINCT + " are needed");
        }
        if (common.contains(folded) || common.contains(withoutTrailingFiller(folded))) {
            return new Refused("is one of the passwords people choose most often; choose one nobody would guess");
        }
        if (oneKind(password)) {
            return new Refused("is made of one kind of character only; mix in others (a capital, a digit, a space or a symbol)");
        }
        if (sequential(folded)) {
            return new Refused("is a run of neighbouring characters (like 123456… or abcdef…); choose one nobody would guess");
        }
        return new Acceptable();
    }

    /** "Password2024!" is "password" to a guesser: digits and symbols added at the end do not hide it. */
    private static String withoutTrailingFiller(String folded) {
        int end = folded.length();
        while (end > 0 && !Character.isLetter(folded.charAt(end - 1))) {
            end--;
        }
        return folded.substring(0, end);
    }

    private static boolean oneKind(String password) {
        return password.chars().allMatch(Character::isDigit)
            || password.chars().allMatch(Character::isLowerCase)
            || password.chars().allMatch(Character::isUpperCase)
            || password.chars().noneMatch(Character::isLetterOrDigit);
    }

    /** Nearly every step from one character to the next goes one up or one down, as 123456789012 or abcdefghijkl. */
    private static boolean sequential(String folded) {
        int steps = folded.length() - 1;
        int neighbouring = 0;
        for (int i = 1; i < folded.length(); i++) {
            if (Math.abs(folded.charAt(i) - folded.charAt(i - 1)) <= 1) {
                neighbouring++;
            }
        }
        return neighbouring * 5 >= steps * 4;
    }
}
