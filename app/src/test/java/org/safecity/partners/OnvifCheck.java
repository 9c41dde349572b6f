package org.safecity.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An independent ONVIF client (agsh/onvif, locked in {@code tools/onvif-check}) run against {@link OnvifDeviceDouble},
 * so that SafeCity's ONVIF code is not only agreeing with a double written to agree with it.
 */
public final class OnvifCheck {

    private static final Path CHECK = Path.of("..", "tools", "onvif-check").toAbsolutePath().normalize();

    private OnvifCheck() {
    }

    /** Skips outside CI when Node.js or the locked client is missing; in CI (.ci/run installs both) it fails instead. */
    public static void assumeInstalled() {
        boolean installed = Files.isDirectory(CHECK.resolve("node_modules").resolve("onvif")) && node() != null;
        String missing = "The ONVIF check client is not installed: run `npm ci` in " + CHECK + " (Node.js)";
        if (System.getenv("CI") != null) {
            assertThat(installed).as(missing).isTrue();
        } else {
            Assumptions.assumeTrue(installed, missing + "; skipping it here.");
        }
    }

    /** Runs {@code check.js} with these arguments (see its head) and reads the JSON it prints last. */
    public static JsonNode run(String... arguments) throws Exception {
        var command = new ArrayList<>(List.of(node(), CHECK.resolve("check.js").toString()));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).directory(CHECK.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8).strip();
        return JsonMapper.builder().build().readTree(text.substring(text.lastIndexOf('\n') + 1));
    }

    private static String node() {
        for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
