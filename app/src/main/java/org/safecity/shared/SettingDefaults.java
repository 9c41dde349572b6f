package org.safecity.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code safecity.*} setting has one default: the {@code @DefaultValue} on its settings record. The
 * configuration processor writes those into {@code META-INF/spring-configuration-metadata.json} at build time; this
 * serves them, at the lowest precedence, to whatever names a setting by placeholder ({@code @Scheduled} intervals,
 * Spring's own multipart limits), so that no placeholder repeats a default and none can disagree with the record.
 *
 * <p>It also takes the few environment names operators know that are shorter than the setting's own
 * ({@code SAFECITY_ROLES} for {@code safecity.cluster.roles}); every other {@code SAFECITY_*} variable is the
 * setting's name in Spring's relaxed form and needs nothing.
 */
public final class SettingDefaults implements EnvironmentPostProcessor {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** The name of the property source that serves the defaults, last of all. */
    public static final String SOURCE = "safecity settings' defaults";

    /** Environment variable → the setting it sets. */
    static final Map<String, String> SHORT_NAMES = Map.of(
        "SAFECITY_ROLES", "safecity.cluster.roles",
        "SAFECITY_INSTANCE", "safecity.cluster.instance",
        "SAFECITY_RETENTION_PLATE_DAYS", "safecity.detections.retention-days.plate");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        sources.addLast(new MapPropertySource(SOURCE, Collections.unmodifiableMap(defaults())));
        var variables = sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (variables == null) {
            return;
        }
        Map<String, Object> shortNames = new LinkedHashMap<>();
        SHORT_NAMES.forEach((variable, setting) -> {
            Object value = variables.getProperty(variable);
            if (value != null) {
                shortNames.put(setting, value);
            }
        });
        if (!shortNames.isEmpty()) {
            // just below the environment itself: the setting's own name, wherever given, wins
            sources.addAfter(variables.getName(), new MapPropertySource("safecity short environment names", shortNames));
        }
    }

    /** Each {@code safecity.*} setting's default as its text, from the metadata of every jar and folder on the class path. */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        settings().forEach((name, value) -> {
            if (value != null) {
                defaults.put(name, value);
            }
        });
        return defaults;
    }

    /** Every {@code safecity.*} setting the metadata names, with a default or without. */
    public static List<String> names() {
        return List.copyOf(settings().keySet());
    }

    /** Name → default text, or null where the setting has none. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        var mapper = JsonMapper.builder().build();
        try {
            var resources = SettingDefaults.class.getClassLoader().getResources(METADATA);
            for (URL url : Collections.list(resources)) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        String name = property.path("name").asString("");
                        JsonNode value = property.path("defaultValue");
                        if (name.startsWith("safecity.")) {
                            String text = value.isMissingNode() || value.isNull() ? null : text(value);
                            // two records may read one setting (safecity.mqtt.*): the one that gives a default speaks
                            if (settings.get(name) == null) {
                                settings.put(name, text);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings' metadata (" + METADATA + ")", e);
        }
        return settings;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining(","));
        }
        return value.asString();
    }
}
