package org.safecity.evidence.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar evidence-verifier.jar <bundle.zip> <public-key.pem>}: verifies a SafeCity
 * evidence bundle offline and prints every check. Exit status 0 only when everything verifies;
 * 1 when something does not; 2 when it cannot run (wrong arguments, unreadable key).
 */
public final class Main {

    public static final int VERIFIED = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int CANNOT_RUN = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier as the command line does, printing to {@code out}; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("Usage: java -jar evidence-verifier.jar <bundle.zip> <public-key.pem>");
            out.println("Verifies a SafeCity evidence bundle against the Safe City Authority's public key.");
            return CANNOT_RUN;
        }
        Path bundle = Path.of(args[0]);
        Path keyFile = Path.of(args[1]);
        if (!Files.isRegularFile(bundle)) {
            out.println("Cannot read the bundle " + bundle + ": no such file.");
            return CANNOT_RUN;
        }
        AuthorityKey key;
        try {
            key = AuthorityKey.read(keyFile);
        } catch (IOException e) {
            out.println("Cannot read the public key: " + e.getMessage());
            return CANNOT_RUN;
        }
        out.println("SafeCity evidence bundle: " + bundle);
        out.println("Public key: " + keyFile + " (SHA-256 " + key.fingerprint() + ")");
        var report = BundleVerification.verify(bundle, key);
        report.about().forEach(out::println);
        out.println();
        report.findings().forEach(out::println);
        out.println();
        if (report.verified()) {
            out.println("VERIFIED: every file, the custody log and the signature are exactly as the Authority sealed them.");
            return VERIFIED;
        }
        int problems = report.failures().size();
        out.println("NOT VERIFIED: " + problems + (problems == 1 ? " problem" : " problems") + " (the FAIL lines above).");
        return NOT_VERIFIED;
    }
}
