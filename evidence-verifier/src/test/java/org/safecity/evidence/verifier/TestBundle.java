package org.safecity.evidence.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds a bundle the way SafeCity does, signs it with a fresh key, and lets a test change any file in it. */
final class TestBundle {

    static final HexFormat HEX = HexFormat.of();
    final KeyPair keys;
    final Path dir;
    final Path bundle;

    TestBundle(Path dir) throws Exception {
        this.dir = dir;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        this.bundle = dir.resolve("bundle.zip");
        write(files(), true);
    }

    Path publicKeyPem() throws IOException {
        return pem(dir.resolve("authority.pem"), keys.getPublic().getEncoded());
    }

    static Path pem(Path file, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    /** The bundle's files, in order: two items, the custody log, the manifest and its signature. */
    private Map<String, byte[]> files() throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("items/a1-footage.mp4", "pretend this is CCTV footage from Saddar Road".getBytes(StandardCharsets.UTF_8));
        files.put("items/b2-photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4});
        var chainA = chain("a1", List.of("created", "viewed", "handed-over"));
        var chainB = chain("b2", List.of("created"));
        String custody = "{\"format\":\"safecity-custody/1\",\"chains\":[" + chainJson("a1", chainA) + "," + chainJson("b2", chainB) + "]}";
        files.put("custody.json", custody.getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", manifest(files, chainA, chainB).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private String manifest(Map<String, byte[]> files, List<Map<String, Object>> chainA, List<Map<String, Object>> chainB) throws Exception {
        return "{\"format\":\"safecity-evidence-bundle/1\",\"bundleId\":\"e-1\",\"createdAt\":\"2026-11-25T10:00:00Z\",\"createdBy\":\"Inspector Khan\","
            + "\"signingKeySha256\":\"" + AuthorityKey.fingerprint(keys.getPublic().getEncoded()) + "\","
            + "\"case\":{\"firNumber\":\"123/2026\",\"policeStation\":\"Gulbahar\",\"offence\":\"robbery\"},"
            + "\"items\":[" + item("a1", "items/a1-footage.mp4", files, chainA) + "," + item("b2", "items/b2-photo.jpg", files, chainB) + "],"
            + "\"custody\":{\"file\":\"custody.json\",\"sha256\":\"" + sha256(files.get("custody.json")) + "\",\"size\":" + files.get("custody.json").length + "}}";
    }

    private static String item(String id, String file, Map<String, byte[]> files, List<Map<String, Object>> chain) throws Exception {
        var head = chain.getLast();
        return "{\"id\":\"" + id + "\",\"file\":\"" + file + "\",\"sha256\":\"" + sha256(files.get(file)) + "\",\"size\":" + files.get(file).length
            + ",\"custodyHead\":{\"seq\":" + head.get("seq") + ",\"hash\":\"" + head.get("hash") + "\"}}";
    }

    private static List<Map<String, Object>> chain(String itemId, List<String> actions) {
        List<Map<String, Object>> entries = new ArrayList<>();
        byte[] previous = CustodyChain.GENESIS;
        int seq = 1;
        for (String action : actions) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("itemId", itemId);
            entry.put("seq", new java.math.BigDecimal(seq++));
            entry.put("at", "2026-11-25T09:0" + seq + ":00.123456Z");
            entry.put("action", action);
            entry.put("actor", "Inspector Khan");
            entry.put("recipient", action.equals("handed-over") ? "Judicial Magistrate, Peshawar" : null);
            entry.put("reason", action.equals("handed-over") ? "trial" : null);
            entry.put("details", "{\"note\":\"\\u00e9 \\\"quoted\\\"\"}");
            entry.put("previousHash", HEX.formatHex(previous));
            byte[] hash = CustodyChain.hash(previous, CustodyChain.canonical(entry));
            entry.put("hash", HEX.formatHex(hash));
            previous = hash;
            entries.add(entry);
        }
        return entries;
    }

    private static String chainJson(String itemId, List<Map<String, Object>> entries) {
        List<String> parts = new ArrayList<>();
        for (var entry : entries) {
            List<String> fields = new ArrayList<>();
            entry.forEach((k, v) -> fields.add("\"" + k + "\":" + (v == null ? "null" : v instanceof Number ? v.toString() : quote(v.toString()))));
            parts.add("{" + String.join(",", fields) + "}");
        }
        return "{\"itemId\":\"" + itemId + "\",\"entries\":[" + String.join(",", parts) + "]}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String sha256(byte[] content) throws Exception {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Rewrites the bundle with one file changed; the signature is kept as it was unless {@code resign}. */
    void change(String name, UnaryOperator<byte[]> change) throws Exception {
        var files = read();
        files.put(name, change.apply(files.get(name)));
        write(files, false);
    }

    void remove(String name) throws Exception {
        var files = read();
        files.remove(name);
        write(files, false);
    }

    void add(String name, byte[] content) throws Exception {
        var files = read();
        files.put(name, content);
        write(files, false);
    }

    Map<String, byte[]> read() throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipFile(bundle.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return files;
    }

    private void write(Map<String, byte[]> files, boolean sign) throws Exception {
        if (sign) {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(files.get("manifest.json"));
            files.put("manifest.sig", Base64.getEncoder().encode(signer.sign()));
        }
        try (var zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Runs the command line on this bundle and key; returns the exit status and what it printed. */
    record Run(int status, String output) {
    }

    Run verify(Path key) {
        var out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {bundle.toString(), key.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
