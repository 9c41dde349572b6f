package org.safecity.evidence.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier as a court clerk uses it: a bundle, the Authority's public key, a verdict. */
class BundleVerificationTest {

    @TempDir
    Path dir;
    TestBundle bundle;

    @BeforeEach
    void seal() throws Exception {
        bundle = new TestBundle(dir);
    }

    @Test
    void an_untouched_bundle_verifies_with_exit_status_0() throws Exception {
        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.status()).as(run.output()).isEqualTo(Main.VERIFIED);
        assertThat(run.output()).contains("VERIFIED").doesNotContain("FAIL").contains("Case:     FIR 123/2026");
    }

    @Test
    void one_changed_byte_in_an_item_fails_and_names_the_file_and_both_hashes() throws Exception {
        String signed = TestBundle.sha256(bundle.read().get("items/a1-footage.mp4"));
        bundle.change("items/a1-footage.mp4", content -> {
            content[10] ^= 1;
            return content;
        });
        String actual = TestBundle.sha256(bundle.read().get("items/a1-footage.mp4"));

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.status()).isEqualTo(Main.NOT_VERIFIED);
        assertThat(run.output()).contains("FAIL: items/a1-footage.mp4: SHA-256 is " + actual + ", manifest says " + signed)
            .contains("NOT VERIFIED: 1 problem");
    }

    @Test
    void an_edited_custody_entry_fails_and_names_the_entry() throws Exception {
        bundle.change("custody.json", content -> new String(content, StandardCharsets.UTF_8)
            .replace("Judicial Magistrate, Peshawar", "Someone Else").getBytes(StandardCharsets.UTF_8));

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.status()).isEqualTo(Main.NOT_VERIFIED);
        assertThat(run.output()).contains("FAIL: custody.json: SHA-256 is")
            .contains("FAIL: custody.json (item a1): custody entry 3 (handed-over) was altered");
    }

    @Test
    void a_removed_custody_entry_fails_and_says_which_is_missing() throws Exception {
        bundle.change("custody.json", content -> {
            String text = new String(content, StandardCharsets.UTF_8);
            int start = text.indexOf("{\"itemId\":\"a1\",\"seq\":2");
            int end = text.indexOf("{\"itemId\":\"a1\",\"seq\":3");
            return (text.substring(0, start) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        });

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.status()).isEqualTo(Main.NOT_VERIFIED);
        assertThat(run.output()).contains("FAIL: custody.json (item a1): custody entry 2 missing (the chain jumps from 1 to 3)");
    }

    @Test
    void a_removed_last_custody_entry_fails_against_the_manifest_s_head() throws Exception {
        bundle.change("custody.json", content -> {
            String text = new String(content, StandardCharsets.UTF_8);
            int start = text.indexOf(",{\"itemId\":\"a1\",\"seq\":3");
            int end = text.indexOf("]}", start);
            return (text.substring(0, start) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        });

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.output()).contains("FAIL: custody.json (item a1): the chain ends at entry 2 but the manifest records 3 entries");
    }

    @Test
    void a_replaced_manifest_fails_on_its_signature() throws Exception {
        bundle.change("manifest.json", content -> new String(content, StandardCharsets.UTF_8)
            .replace("robbery", "theft").getBytes(StandardCharsets.UTF_8));

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.status()).isEqualTo(Main.NOT_VERIFIED);
        assertThat(run.output()).contains("FAIL: manifest.sig: the signature does not match manifest.json")
            .contains("changed or replaced");
    }

    @Test
    void the_wrong_public_key_fails_and_says_the_key_differs() throws Exception {
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path wrongKey = TestBundle.pem(dir.resolve("other.pem"), other.getPublic().getEncoded());

        var run = bundle.verify(wrongKey);

        assertThat(run.status()).isEqualTo(Main.NOT_VERIFIED);
        assertThat(run.output()).contains("FAIL: manifest.sig: the signature does not verify with the given public key")
            .contains("a different key was given");
    }

    @Test
    void a_file_added_to_the_bundle_fails() throws Exception {
        bundle.add("items/planted.jpg", new byte[] {1, 2, 3});

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.output()).contains("FAIL: items/planted.jpg: is in the bundle but not listed in the manifest");
    }

    @Test
    void a_removed_item_fails() throws Exception {
        bundle.remove("items/b2-photo.jpg");

        var run = bundle.verify(bundle.publicKeyPem());

        assertThat(run.output()).contains("FAIL: items/b2-photo.jpg: listed in the manifest but missing from the bundle");
    }

    @Test
    void an_unreadable_key_stops_with_exit_status_2() throws Exception {
        var notAKey = java.nio.file.Files.writeString(dir.resolve("key.pem"), "hello");

        assertThat(bundle.verify(notAKey).status()).isEqualTo(Main.CANNOT_RUN);
    }
}
