package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;

class UnknownAddressTest extends IntegrationTest {

    @Test
    void a_browser_asking_for_an_address_nothing_answers_gets_the_console_s_page_and_a_program_a_problem() {
        var page = admin().send("GET", "/no-such-page", null, null, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        var problem = admin().send("GET", "/no-such-page", null, null, Map.of("Accept", "application/json"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("This page does not exist").doesNotContain("\"status\"");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.contentType()).startsWith("application/problem+json");
    }
}
