package org.safecity.evidence.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a SafeCity evidence bundle against the Authority's public key: the Ed25519 signature over
 * {@code manifest.json}, every file's SHA-256 and size against the manifest, that the ZIP holds
 * nothing the manifest does not list, and each item's custody chain. Every check is reported; a
 * bundle verifies only when none fails.
 */
final class BundleVerification {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String FORMAT = "safecity-evidence-bundle/1";
    private static final HexFormat HEX = HexFormat.of();

    /** One finding: {@code passed} or not, about {@code subject} (a file in the bundle, usually). */
    record Finding(boolean passed, String subject, String text) {
        @Override
        public String toString() {
            return (passed ? "OK:   " : "FAIL: ") + subject + ": " + text;
        }
    }

    /** All findings, in the order checked, and a summary of what the bundle is. */
    record Report(List<Finding> findings, List<String> about) {
        boolean verified() {
            return !findings.isEmpty() && findings.stream().allMatch(Finding::passed);
        }

        List<Finding> failures() {
            return findings.stream().filter(f -> !f.passed()).toList();
        }
    }

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> about = new ArrayList<>();

    static Report verify(Path bundle, AuthorityKey key) {
        var verification = new BundleVerification();
        verification.run(bundle, key);
        return new Report(List.copyOf(verification.findings), List.copyOf(verification.about));
    }

    private void run(Path bundle, AuthorityKey key) {
        try (var zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!names.add(name)) {
                    fail(name, "appears more than once in the ZIP (a second copy could be shown instead of the signed one)");
                }
            }
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                fail(MANIFEST, "missing: this is not a SafeCity evidence bundle, or its manifest was removed");
                return;
            }
            byte[] manifestBytes;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifestBytes = in.readAllBytes();
            }
            checkSignature(zip, manifestBytes, key);

            Map<String, Object> manifest;
            try {
                manifest = object(Json.parse(new String(manifestBytes, StandardCharsets.UTF_8)), MANIFEST);
            } catch (IllegalArgumentException e) {
                fail(MANIFEST, "is not valid JSON: " + e.getMessage());
                return;
            }
            if (!FORMAT.equals(manifest.get("format"))) {
                fail(MANIFEST, "format is " + manifest.get("format") + ", this verifier reads " + FORMAT);
                return;
            }
            describe(manifest);

            Set<String> listed = new HashSet<>(Set.of(MANIFEST, SIGNATURE));
            Map<String, Map<String, Object>> heads = new LinkedHashMap<>();
            for (Object value : list(manifest.get("items"), "items")) {
                var item = object(value, "an item of the manifest");
                String file = (String) item.get("file");
                listed.add(file);
                checkFile(zip, file, (String) item.get("sha256"), CustodyChain.number(item.get("size")));
                heads.put((String) item.get("id"), object(item.get("custodyHead"), "custodyHead of item " + item.get("id")));
            }
            var custody = object(manifest.get("custody"), "custody");
            String custodyFile = (String) custody.get("file");
            listed.add(custodyFile);
            boolean custodyIntact = checkFile(zip, custodyFile, (String) custody.get("sha256"), CustodyChain.number(custody.get("size")));
            if (manifest.get("summary") != null) {
                var summary = object(manifest.get("summary"), "summary");
                listed.add((String) summary.get("file"));
                checkFile(zip, (String) summary.get("file"), (String) summary.get("sha256"), CustodyChain.number(summary.get("size")));
            }
            checkCustody(zip, custodyFile, heads, custodyIntact);

            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (!entry.isDirectory() && !listed.contains(entry.getName())) {
                    fail(entry.getName(), "is in the bundle but not listed in the manifest");
                }
            }
        } catch (java.util.zip.ZipException e) {
            fail(bundle.getFileName().toString(), "is not a readable ZIP file: " + e.getMessage());
        } catch (IOException e) {
            fail(bundle.getFileName().toString(), "could not be read: " + e.getMessage());
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
            fail(MANIFEST, "does not have the expected structure: " + e.getMessage());
        }
    }

    private void checkSignature(ZipFile zip, byte[] manifestBytes, AuthorityKey key) throws IOException {
        ZipEntry signatureEntry = zip.getEntry(SIGNATURE);
        if (signatureEntry == null) {
            fail(SIGNATURE, "missing: the manifest is not signed");
            return;
        }
        byte[] signature;
        try (InputStream in = zip.getInputStream(signatureEntry)) {
            signature = Base64.getMimeDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            fail(SIGNATURE, "is not a base64 signature");
            return;
        }
        boolean valid;
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.key());
            verifier.update(manifestBytes);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (valid) {
            pass(SIGNATURE, "the Ed25519 signature over manifest.json verifies with the given public key (SHA-256 " + key.fingerprint() + ")");
            return;
        }
        String signedBy = null;
        try {
            Object parsed = Json.parse(new String(manifestBytes, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map && map.get("signingKeySha256") instanceof String s) {
                signedBy = s;
            }
        } catch (IllegalArgumentException ignored) {
            // reported when the manifest is read
        }
        if (signedBy != null && !signedBy.equalsIgnoreCase(key.fingerprint())) {
            fail(SIGNATURE, "the signature does not verify with the given public key (SHA-256 " + key.fingerprint()
                + "); the manifest says it was signed with the key whose SHA-256 is " + signedBy
                + ": a different key was given, or the manifest was replaced");
        } else {
            fail(SIGNATURE, "the signature does not match manifest.json under the given public key (SHA-256 "
                + key.fingerprint() + "): manifest.json was changed or replaced after it was signed");
        }
    }

    private boolean checkFile(ZipFile zip, String name, String expectedSha256, long expectedSize) throws IOException {
        if (name == null) {
            fail(MANIFEST, "lists a file without a name");
            return false;
        }
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            fail(name, "listed in the manifest but missing from the bundle");
            return false;
        }
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (java.util.zip.ZipException e) {
            fail(name, "cannot be read from the ZIP (" + e.getMessage() + "): the file was damaged");
            return false;
        }
        String actual = HEX.formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            fail(name, "SHA-256 is " + actual + ", manifest says " + expectedSha256
                + (size != expectedSize ? " (size is " + size + " bytes, manifest says " + expectedSize + ")" : ""));
            return false;
        }
        if (size != expectedSize) {
            fail(name, "size is " + size + " bytes, manifest says " + expectedSize);
            return false;
        }
        pass(name, "SHA-256 " + actual + ", " + size + " bytes, as in the manifest");
        return true;
    }

    private void checkCustody(ZipFile zip, String custodyFile, Map<String, Map<String, Object>> heads, boolean fileIntact) throws IOException {
        ZipEntry entry = zip.getEntry(custodyFile);
        if (entry == null) {
            return; // already reported as missing
        }
        Map<String, Object> custody;
        try (InputStream in = zip.getInputStream(entry)) {
            custody = object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), custodyFile);
        } catch (IllegalArgumentException e) {
            fail(custodyFile, "is not valid JSON: " + e.getMessage());
            return;
        }
        Map<String, List<Map<String, Object>>> chains = new LinkedHashMap<>();
        for (Object value : list(custody.get("chains"), "chains")) {
            var chain = object(value, "a chain of " + custodyFile);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Object e : list(chain.get("entries"), "entries")) {
                entries.add(object(e, "a custody entry"));
            }
            chains.put((String) chain.get("itemId"), entries);
        }
        for (var head : heads.entrySet()) {
            String itemId = head.getKey();
            var chain = chains.remove(itemId);
            String subject = custodyFile + " (item " + itemId + ")";
            if (chain == null) {
                fail(subject, "has no custody chain for this item");
                continue;
            }
            long headSeq = CustodyChain.number(head.getValue().get("seq"));
            var problems = CustodyChain.problems(itemId, chain, headSeq, (String) head.getValue().get("hash"));
            if (problems.isEmpty()) {
                pass(subject, "custody chain of " + chain.size() + " entries is whole and ends where the manifest says");
            } else {
                problems.forEach(p -> fail(subject, p));
            }
        }
        chains.keySet().forEach(itemId -> fail(custodyFile, "holds a chain for item " + itemId + ", which the manifest does not list"));
        if (!fileIntact && failures(custodyFile) == 0) {
            fail(custodyFile, "differs from the file that was signed, though every chain in it is consistent");
        }
    }

    private long failures(String prefix) {
        return findings.stream().filter(f -> !f.passed() && f.subject().startsWith(prefix)).count();
    }

    private void describe(Map<String, Object> manifest) {
        if (manifest.get("case") instanceof Map<?, ?> c) {
            about.add("Case:     FIR " + c.get("firNumber") + ", police station " + c.get("policeStation") + " (" + c.get("offence") + ")");
        }
        about.add("Bundle:   " + manifest.get("bundleId") + ", sealed " + manifest.get("createdAt") + " by " + manifest.get("createdBy"));
        if (manifest.get("recipient") != null) {
            about.add("For:      " + manifest.get("recipient"));
        }
        if (manifest.get("items") instanceof List<?> items) {
            about.add("Items:    " + items.size());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    private static List<?> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(what + " is not a JSON array");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pass(String subject, String text) {
        findings.add(new Finding(true, subject, text));
    }

    private void fail(String subject, String text) {
        findings.add(new Finding(false, subject, text));
    }
}
