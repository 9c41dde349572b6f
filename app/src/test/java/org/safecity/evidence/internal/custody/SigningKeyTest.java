package org.safecity.evidence.internal.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.evidence.internal.EvidenceSettings;
import org.safecity.storage.StorageSettings;
import org.springframework.util.unit.DataSize;

class SigningKeyTest {

    @TempDir
    Path dataDir;

    private EvidenceSettings settings(String key) {
        return new EvidenceSettings(key, Duration.ofHours(6), DataSize.ofGigabytes(20), Map.of(), Duration.ofDays(3650));
    }

    private StorageSettings storage() {
        return new StorageSettings(dataDir, new StorageSettings.Database(null, null, null, 0, 10));
    }

    @Test
    void a_configured_pkcs8_key_signs_and_its_public_half_is_derived_from_it() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var key = new SigningKey(settings(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())), storage());

        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        byte[] message = "manifest".getBytes();
        assertThat(SigningKey.verifies(pair.getPublic(), message, key.sign(message))).isTrue();
        assertThat(SigningKey.fromPem(key.publicKeyPem()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Files.exists(dataDir.resolve("keys/evidence-signing.key"))).isFalse();
    }

    @Test
    void without_configuration_a_key_is_generated_once_readable_by_its_owner_only() throws Exception {
        var first = new SigningKey(settings(null), storage());
        var second = new SigningKey(settings(""), storage());
        Path file = dataDir.resolve("keys/evidence-signing.key");

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
}
