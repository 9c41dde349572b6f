package org.safecity.evidence.verifier;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on a Java older than the
 * verifier needs it says so and exits with "cannot run" (2), where the JVM's own refusal of newer class
 * files would exit 1, which a script reads as NOT VERIFIED. Only this class may stay this old.
 */
public final class Launcher {

    static final int REQUIRED_JAVA = 21;
    /** {@link Main#CANNOT_RUN}, written again: this class must not load {@code Main} before the check. */
    static final int CANNOT_RUN = 2;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String running = System.getProperty("java.specification.version");
        if (!atLeast(running, REQUIRED_JAVA)) {
            System.out.println("The evidence verifier needs Java " + REQUIRED_JAVA + " or newer; this is Java " + running
                + ". Install a newer Java (or point JAVA_HOME at one) and run it again. Nothing was verified.");
            System.exit(CANNOT_RUN);
        }
        // Reflection, so that nothing of the verifier's newer class files is loaded before the check.
        Class.forName("org.safecity.evidence.verifier.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    /** Java's specification version is "1.8" up to 8 and "9", "17", "21" after. */
    static boolean atLeast(String specificationVersion, int required) {
        String major = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = major.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? major : major.substring(0, dot)) >= required;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
