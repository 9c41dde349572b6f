package org.safecity.evidence;

import org.safecity.Multipart;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safecity.SafeCityApi;

/** Cases and items made over the API for evidence tests, each unique so tests sharing a database do not meet. */
final class EvidenceFixtures {

    private static final AtomicInteger FIRS = new AtomicInteger();
    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    private EvidenceFixtures() {
    }

    static String openCase(SafeCityApi as) {
        var created = as.post("/api/v1/cases", Map.of("firNumber", "FIR-" + System.nanoTime() + "-" + FIRS.incrementAndGet() + "/2026",
            "policeStation", "Gulbahar", "offence", "robbery at a shop on GT Road"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Content no other test uploads: a PNG signature followed by unique bytes. */
    static byte[] uniquePng() {
        byte[] tail = ("unique " + System.nanoTime() + " " + FIRS.incrementAndGet()).getBytes();
        byte[] content = new byte[PNG_HEAD.length + tail.length];
        System.arraycopy(PNG_HEAD, 0, content, 0, PNG_HEAD.length);
        System.arraycopy(tail, 0, content, PNG_HEAD.length, tail.length);
        return content;
    }

    static SafeCityApi.Response upload(SafeCityApi as, String caseId, String filename, byte[] content, Map<String, String> fields) {
        var multipart = new Multipart();
        fields.forEach(multipart::field);
        return as.post("/api/v1/cases/" + caseId + "/items", multipart.contentType(), multipart.file(filename, content));
    }

    static String uploadItem(SafeCityApi as, String caseId, byte[] content, String kind) {
        var response = upload(as, caseId, "evidence.bin", content, Map.of("kind", kind, "place", "Saddar Road, Peshawar",
            "collectedAt", "2026-11-20T18:30:00+05:00", "description", "CCTV still from a shop camera"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
