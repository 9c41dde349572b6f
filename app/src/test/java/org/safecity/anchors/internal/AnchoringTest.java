package org.safecity.anchors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.anchors.AnchorSigner;
import org.safecity.anchors.LogHead;
import org.safecity.anchors.SealedLog;
import org.safecity.storage.StorageSettings;

/** Anchoring a hash-chained log outside the database, against a real RFC 3161 time-stamping authority. */
class AnchoringTest {

    @TempDir
    Path dataDir;

    private final Notes notes = new Notes();
    private TimeStampingAuthority tsa;
    private AnchorFile file;
    private Anchoring anchoring;

    @BeforeEach
    void start() throws Exception {
        tsa = new TimeStampingAuthority();
        file = new AnchorFile(new StorageSettings(dataDir, new StorageSettings.Database(null, null, null, 0, 1)));
        anchoring = anchoring(tsa.url());
    }

    @AfterEach
    void stop() {
        tsa.close();
    }

    @Test
    void an_anchor_is_signed_time_stamped_by_the_authority_and_appended_to_an_owner_only_file() throws Exception {
        notes.add("first", "second", "third");

        var anchor = anchoring.anchorNow().getFirst();

        assertThat(anchor.log()).isEqualTo("notes");
        assertThat(anchor.seq()).isEqualTo(1);
        assertThat(anchor.entries()).isEqualTo(3);
        assertThat(anchor.head()).isEqualTo(notes.headHex());
        assertThat(tsa.answered()).isEqualTo(1);
        var token = TimeStamping.verify(Base64.getDecoder().decode(anchor.timestamp()), anchor.statementHash());
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(anchor.timestampedAt());
        Path written = dataDir.resolve("anchors/notes.anchors");
        assertThat(Files.readAllLines(written)).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.getParent()))).isEqualTo("rwx------");
        assertThat(anchoring.check("notes").intact()).isTrue();
    }

    @Test
    void a_quiet_log_is_not_anchored_again_and_each_new_anchor_links_to_the_one_before() throws Exception {
        notes.add("first");
        var first = anchoring.anchorNow().getFirst();
        anchoring.anchorNow();
        assertThat(Files.readAllLines(dataDir.resolve("anchors/notes.anchors"))).hasSize(1);

        notes.add("second");
        var second = anchoring.anchorNow().getFirst();

        assertThat(Files.readAllLines(dataDir.resolve("anchors/notes.anchors"))).hasSize(2);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previous()).isEqualTo(first.statementHashHex());
        assertThat(anchoring.check("notes").intact()).isTrue();
    }

    @Test
    void the_newest_anchors_are_read_from_the_end_of_a_long_file() throws Exception {
        for (int i = 0; i < 120; i++) {
            notes.add("note " + i);
            anchoring.anchorNow();
        }
        assertThat(Files.size(dataDir.resolve("anchors/notes.anchors"))).isGreaterThan(3 * 64 * 1024);

        var check = anchoring.check("notes");

        assertThat(check.intact()).as(check.problem()).isTrue();
        assertThat(check.newest().seq()).isEqualTo(120);
        assertThat(file.newest("notes", 2)).extracting(a -> a.seq()).containsExactly(119L, 120L);
    }

    @Test
    void cutting_off_the_newest_entries_is_reported_against_the_anchor() throws Exception {
        notes.add("one", "two", "three", "four", "five");
        anchoring.anchorNow();

        notes.removeNewest(3);

        var check = anchoring.check("notes");
        assertThat(check.intact()).isFalse();
        assertThat(check.problem()).contains("entries 3 to 5 are missing").contains("reached 5 entries");
    }

    @Test
    void an_edited_anchor_file_is_reported() throws Exception {
        notes.add("one", "two", "three");
        anchoring.anchorNow();
        notes.removeNewest(1);
        Path written = dataDir.resolve("anchors/notes.anchors");
        // the intruder also lowers the anchored count to match what is left
        Files.writeString(written, Files.readString(written).replace("\"entries\":3", "\"entries\":2")
            .replace("\"position\":3", "\"position\":2"));

        var check = anchoring.check("notes");

        assertThat(check.intact()).isFalse();
        assertThat(check.problem()).contains("does not match its signature");
    }

    @Test
    void a_time_stamp_vouches_for_its_own_statement_only() throws Exception {
        notes.add("one");
        var anchor = anchoring.anchorNow().getFirst();
        byte[] other = MessageDigest.getInstance("SHA-256").digest("another statement".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TimeStamping.verify(Base64.getDecoder().decode(anchor.timestamp()), other))
            .hasMessageContaining("another statement");
    }

    @Test
    void without_a_reachable_time_stamping_authority_the_anchor_is_still_written() throws Exception {
        tsa.close();
        notes.add("one");

        var anchor = anchoring.anchorNow().getFirst();

        assertThat(anchor.timestamp()).isNull();
        assertThat(Files.readAllLines(dataDir.resolve("anchors/notes.anchors"))).hasSize(1);
        assertThat(anchoring.check("notes").intact()).isTrue();
    }

    private Anchoring anchoring(URI tsaUrl) throws Exception {
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var signer = new Ed25519(keys.getPrivate(), "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return new Anchoring(List.of(notes), signer, file, new AnchorSettings(Duration.ofMinutes(1), tsaUrl, Duration.ofSeconds(2)),
            Clock.systemUTC());
    }

    private record Ed25519(PrivateKey key, String publicKeyPem) implements AnchorSigner {
        @Override
        public byte[] sign(byte[] message) {
            try {
                var signer = Signature.getInstance("Ed25519");
                signer.initSign(key);
                signer.update(message);
                return signer.sign();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A small hash-chained log kept in memory: each entry's hash covers the one before. */
    private static final class Notes implements SealedLog {
        private final List<byte[]> hashes = new ArrayList<>();

        void add(String... texts) throws Exception {
            for (String text : texts) {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update(hashes.isEmpty() ? new byte[32] : hashes.getLast());
                hashes.add(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
            }
        }

        void removeNewest(int count) {
            for (int i = 0; i < count; i++) {
                hashes.removeLast();
            }
        }

        String headHex() {
            return HexFormat.of().formatHex(hashes.getLast());
        }

        @Override
        public String name() {
            return "notes";
        }

        @Override
        public Optional<LogHead> seal() {
            return hashes.isEmpty() ? Optional.empty() : Optional.of(new LogHead(hashes.size(), hashes.size(), headHex()));
        }

        @Override
        public Optional<String> missing(LogHead anchored) {
            if (hashes.size() < anchored.position()) {
                return Optional.of("entries " + (hashes.size() + 1) + " to " + anchored.position() + " are missing");
            }
            boolean same = HexFormat.of().formatHex(hashes.get((int) anchored.position() - 1)).equals(anchored.head());
            return same ? Optional.empty() : Optional.of("entry " + anchored.position() + " was rewritten");
        }
    }
}
