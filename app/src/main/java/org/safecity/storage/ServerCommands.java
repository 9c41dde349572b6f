package org.safecity.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bundle's programs (initdb, pg_ctl) with its own libraries. PostgreSQL refuses to run as root: as root every
 * command runs in a user namespace ({@code unshare --user}), where it is an unprivileged user that still owns its files.
 */
final class ServerCommands {

    private final Path home;
    private final Path binaries;
    private final List<String> commandPrefix;

    ServerCommands(Path home, Path binaries) {
        this.home = home;
        this.binaries = binaries;
        this.commandPrefix = runningAsRoot() ? List.of("unshare", "--user") : List.of();
    }

    /** Whether commands run in a user namespace, which the system must then allow. */
    boolean namespaced() {
        return !commandPrefix.isEmpty();
    }

    String pgCtl() {
        return binaries.resolve("bin/pg_ctl").toString();
    }

    void run(Duration timeout, String... command) throws IOException {
        var result = execute(timeout, List.of(), command);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", List.of(command).subList(0, 1)) + " failed (exit " + result.exitCode()
                + "): " + result.output().strip() + logTail());
        }
    }

    Execution execute(Duration timeout, String... command) throws IOException {
        return execute(timeout, List.of(), command);
    }

    private Execution execute(Duration timeout, List<String> environment, String... command) throws IOException {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(List.of(command));
        var builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LD_LIBRARY_PATH", binaries.resolve("lib").toString());
        for (String assignment : environment) {
            int eq = assignment.indexOf('=');
            builder.environment().put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        Process process = builder.start();
        // pg_ctl start leaves the server holding the output pipe; read on a side thread so waiting cannot block.
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process is gone; what was read is enough
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
        return new Execution(process.exitValue(), output.toString());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("postgres.log"));
            return "\nLast lines of " + home.resolve("postgres.log") + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    record Execution(int exitCode, String output) {
    }

    static void requireUserNamespaces() throws IOException {
        var probe = new ProcessBuilder("unshare", "--user", "true").redirectErrorStream(true).start();
        String said;
        int exit;
        try {
            said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = probe.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing for user namespaces", e);
        }
        if (exit != 0) {
            throw new IOException("PostgreSQL refuses to run as root, and this system does not allow user namespaces "
                + "(unshare --user failed: " + said.strip() + "). Run SafeCity as a normal user, or set "
                + "SAFECITY_DB_URL (with SAFECITY_DB_USER and SAFECITY_DB_PASSWORD) to an external PostgreSQL.");
        }
    }

    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
