package org.safecity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A setting's default is written once, on its settings record: the application's YAML, the code's placeholders and
 * the README say none of their own, or say the same.
 */
class SettingDefaultsTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final Path README = Path.of("..", "README.md");

    /** {@code ${safecity.name}} or {@code ${safecity.name:default}} anywhere in the main code. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(safecity\\.[a-z0-9.\\-]+)(?::([^}]*))?}");

    private final Map<String, String> defaults = SettingDefaults.defaults();

    @Test
    void every_record_default_is_in_the_metadata_the_build_writes() {
        assertThat(defaults)
            .containsEntry("safecity.demo", "true")
            .containsEntry("safecity.demo-watched-plate", "PR 4417")
            .containsEntry("safecity.anchors.interval", "PT1M")
            .containsEntry("safecity.detections.max-wait", "10ms")
            .containsEntry("safecity.vision.motion-share", "0.002")
            .containsEntry("safecity.public-base-url", "http://localhost:8080");
    }

    @Test
    void placeholders_name_a_setting_and_give_it_no_default_of_their_own() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1);
                    String own = m.group(2);
                    if (own != null && !own.isEmpty()) {
                        wrong.add(file.getFileName() + ": " + m.group() + " repeats a default");
                    } else if (own == null && !defaults.containsKey(name)) {
                        wrong.add(file.getFileName() + ": " + m.group() + " names no setting with a default");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_application_yaml_sets_no_safecity_setting() throws IOException {
        String yaml = Files.readString(MAIN.resolve("resources/application.yml"));
        assertThat(yaml).doesNotContainPattern("(?m)^safecity:");
    }

    @Test
    void the_readme_table_gives_each_variable_the_default_its_record_has() throws IOException {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(README)) {
            if (!line.startsWith("| `SAFECITY_")) {
                continue;
            }
            rows++;
            String[] cells = line.split("\\|");
            List<String> variables = variables(cells[1]);
            List<String> said = backticked(cells[2]);
            for (int i = 0; i < variables.size(); i++) {
                String variable = variables.get(i);
                if (variable.equals("SAFECITY_PORT")) {
                    continue; // Spring's server.port, given in application.yml
                }
                String setting = setting(variable);
                if (setting == null) {
                    wrong.add(variable + " is no setting");
                    continue;
                }
                String recorded = defaults.getOrDefault(setting, "");
                String readme = said.isEmpty() ? "" : said.get(Math.min(i, said.size() - 1));
                if (!recorded.equals(readme)) {
                    wrong.add(variable + ": the README says '" + readme + "', " + setting + " defaults to '" + recorded + "'");
                }
            }
        }
        assertThat(rows).as("rows of the README's configuration table").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_short_environment_name_sets_its_setting_and_the_full_name_wins() {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new MapPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("SAFECITY_ROLES", "web,recording")));
        new SettingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("safecity.cluster.roles")).isEqualTo("web,recording");
        assertThat(environment.getProperty("safecity.cluster.beat-interval")).isEqualTo("5s");
        assertThat(environment.resolvePlaceholders("${safecity.video.retention-interval}")).isEqualTo("10m");

        sources.addFirst(new MapPropertySource("given", Map.of("safecity.cluster.roles", "intake")));
        assertThat(environment.getProperty("safecity.cluster.roles")).isEqualTo("intake");
    }

    /** {@code `SAFECITY_A_HIGH`, `_LOW`} → SAFECITY_A_HIGH, SAFECITY_A_LOW. */
    private static List<String> variables(String cell) {
        List<String> variables = new ArrayList<>();
        for (String name : backticked(cell)) {
            if (name.startsWith("_")) {
                String first = variables.getFirst();
                variables.add(first.substring(0, first.lastIndexOf('_')) + name);
            } else {
                variables.add(name);
            }
        }
        return variables;
    }

    private static List<String> backticked(String cell) {
        Matcher m = Pattern.compile("`([^`]*)`").matcher(cell);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The setting an environment variable sets: its short name, or the setting's name in Spring's relaxed form. */
    private String setting(String variable) {
        if (SettingDefaults.SHORT_NAMES.containsKey(variable)) {
            return SettingDefaults.SHORT_NAMES.get(variable);
        }
        return known().stream()
            .filter(name -> name.toUpperCase().replace('.', '_').replace('-', '_').equals(variable))
            .findFirst().orElse(null);
    }

    private List<String> known() {
        return SettingDefaults.names();
    }
}
