package org.safecity.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApi;
import org.safecity.identity.Role;
import tools.jackson.databind.JsonNode;

/**
 * A name shared by more records than a search reads: the very spelling searched for comes first wherever it is
 * among them, and a search answers one page of results and says that there are more.
 */
class SearchRankingTest extends IntegrationTest {

    private static final String CONSONANTS = "bdfgjklmnprst";
    private static final String VOWELS = "aeiou";

    @Test
    void the_very_spelling_comes_first_among_hundreds_spelled_alike_and_one_page_is_answered() {
        var admin = admin();
        var random = ThreadLocalRandom.current();
        // One made-up family name, its consonants fixed (so one spelling key), written with other vowels by 700 records.
        var consonants = new StringBuilder();
        while (consonants.length() < 6) {
            char c = CONSONANTS.charAt(random.nextInt(CONSONANTS.length()));
            if (consonants.isEmpty() || consonants.charAt(consonants.length() - 1) != c) {
                consonants.append(c);
            }
        }
        String exact = "Tariq " + spelled(consonants, 0);
        long cnics = 1_800_000_000_000L + random.nextLong(9_000_000) * 10_000;
        long source = DepartmentFeedsTest.source(admin, DepartmentFeedsTest.code("nadra"), List.of("PERSON"), Map.of(), Map.of());
        // The oldest record and the newest are the two spelled exactly; the 700 between are spelled alike.
        importPersons(admin, source, List.of(person(cnics, exact)));
        var alike = new ArrayList<Map<String, String>>();
        for (int n = 1; n <= 700; n++) {
            alike.add(person(cnics + n, "Tariq " + spelled(consonants, n)));
        }
        importPersons(admin, source, alike);
        importPersons(admin, source, List.of(person(cnics + 701, exact)));

        var found = as(Role.INVESTIGATOR).get("/api/v1/search?limit=5&q=" + URLEncoder.encode(exact, StandardCharsets.UTF_8)
            + "&purpose=" + URLEncoder.encode("FIR 417/2026 theft enquiry", StandardCharsets.UTF_8));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        var persons = group(found.json(), "person");
        var titles = new ArrayList<String>();
        persons.get("results").forEach(r -> titles.add(r.get("title").asString()));
        assertThat(titles).as("a page of five").hasSize(5);
        assertThat(titles.subList(0, 2)).as("both spelled exactly, first, the newest past the hundreds of others too")
            .containsExactly(exact, exact);
        assertThat(titles.subList(2, 5)).allSatisfy(t -> assertThat(t).isNotEqualTo(exact).startsWith("Tariq "));
        assertThat(persons.get("more").asBoolean()).as("more were found than shown").isTrue();
    }

    /** The consonants with a vowel after each, the n-th way of choosing them (0: all {@code a}). */
    private static String spelled(CharSequence consonants, int n) {
        var word = new StringBuilder();
        for (int i = 0; i < consonants.length(); i++) {
            word.append(i == 0 ? Character.toUpperCase(consonants.charAt(i)) : consonants.charAt(i)).append(VOWELS.charAt(n % VOWELS.length()));
            n /= VOWELS.length();
        }
        return word.toString();
    }

    private static Map<String, String> person(long cnic, String name) {
        var row = new HashMap<String, String>();
        row.put("id", "P-" + cnic);
        row.put("cnic", Long.toString(cnic));
        row.put("name", name);
        return row;
    }

    private static void importPersons(SafeCityApi admin, long source, List<Map<String, String>> rows) {
        var imported = admin.post("/api/v1/records/sources/" + source + "/imports", Map.of("records", rows));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    private static JsonNode group(JsonNode found, String type) {
        for (JsonNode g : found.get("groups")) {
            if (g.get("type").asString().equals(type)) {
                return g;
            }
        }
        throw new AssertionError("no group " + type + " in " + found);
    }
}
