package org.safecity.evidence.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void java_versions_are_read_in_both_numberings() {
        assertThat(Launcher.atLeast("1.8", 21)).isFalse();
        assertThat(Launcher.atLeast("17", 21)).isFalse();
        assertThat(Launcher.atLeast("21", 21)).isTrue();
        assertThat(Launcher.atLeast("25", 21)).isTrue();
        assertThat(Launcher.atLeast("strange", 21)).isFalse();
    }

    @Test
    void the_entry_point_is_a_class_file_any_java_from_8_on_can_load() throws Exception {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
            var data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as("class file major version (52 is Java 8)").isEqualTo(52);
        }
    }

    @Test
    void on_an_older_java_the_verifier_says_so_and_exits_with_cannot_run() throws Exception {
        Path oldJava = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(oldJava), "a Java 17 to run the verifier with");
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var process = new ProcessBuilder(oldJava.toString(), "-cp", classes.toString(),
            "org.safecity.evidence.verifier.Launcher", "bundle.zip", "key.pem").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.CANNOT_RUN);
        assertThat(output).contains("needs Java 21 or newer").contains("Java 17");
    }

    @Test
    void on_a_new_enough_java_the_launcher_runs_the_verifier() throws Exception {
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var process = new ProcessBuilder(java.toString(), "-cp", classes.toString(),
            "org.safecity.evidence.verifier.Launcher").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.CANNOT_RUN);
        assertThat(output).startsWith("Usage: java -jar evidence-verifier.jar");
    }
}
