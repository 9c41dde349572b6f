package org.safecity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private String refusal(String password, String username) {
        return policy.judge(password, username) instanceof PasswordPolicy.Refused refused ? refused.problem() : null;
    }

    @Test
    void a_few_unrelated_words_are_accepted() {
        assertThat(policy.judge("kite river Lantern 42", "operator.mrd")).isInstanceOf(PasswordPolicy.Acceptable.class);
    }

    @Test
    void eleven_characters_are_too_short_and_the_answer_says_how_long() {
        assertThat(refusal("Kite-river7", "operator.mrd")).startsWith("must be at least 12 characters");
    }

    @Test
    void a_very_long_password_is_refused_for_its_length_not_as_too_short() {
        assertThat(refusal("Kite-river7".repeat(20), "operator.mrd")).isEqualTo("must be at most 128 characters");
        assertThat(policy.judge("Kite river 7".repeat(11).substring(0, 128), "operator.mrd")).isInstanceOf(PasswordPolicy.Acceptable.class);
    }

    @Test
    void a_password_containing_the_user_name_is_refused_whatever_its_case() {
        assertThat(refusal("my OPERATOR.MRD password", "operator.mrd")).isEqualTo("must not contain the user name");
    }

    @Test
    void one_character_repeated_is_refused() {
        assertThat(refusal("aaaaaaaaaaaa", "operator.mrd")).startsWith("uses too few different characters");
    }

    @Test
    void a_run_of_digits_is_refused() {
        assertThat(refusal("123456789012", "operator.mrd")).isNotNull();
    }

    @Test
    void a_run_along_the_alphabet_is_refused_even_with_mixed_case() {
        assertThat(refusal("abcdEFGHijkl", "operator.mrd")).startsWith("is a run of neighbouring characters");
    }

    @Test
    void one_kind_of_character_only_is_refused() {
        assertThat(refusal("riverlanternkite", "operator.mrd")).startsWith("is made of one kind of character only");
    }

    @Test
    void a_common_password_is_refused_even_with_digits_and_symbols_added_at_the_end() {
        assertThat(refusal("Pakistan2024!!", "operator.mrd")).startsWith("is one of the passwords people choose most often");
        assertThat(refusal("passwordpassword", "operator.mrd")).startsWith("is one of the passwords people choose most often");
    }

    @Test
    void no_password_is_refused_as_required() {
        assertThat(refusal(null, "operator.mrd")).startsWith("is required");
    }
}
