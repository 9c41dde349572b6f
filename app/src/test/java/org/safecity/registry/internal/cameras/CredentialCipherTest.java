package org.safecity.registry.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safecity.registry.StreamCredentials;
import org.safecity.storage.StorageSettings;

class CredentialCipherTest {

    @TempDir
    Path dataDir;

    private StorageSettings storage() {
        return new StorageSettings(dataDir, new StorageSettings.Database(null, null, null, 0, 10));
    }

    @Test
    void credentials_come_back_as_they_went_in_and_each_encryption_differs() {
        var cipher = new CredentialCipher("", storage());
        var credentials = new StreamCredentials("viewer", "pässwörd with spaces");

        byte[] once = cipher.encrypt(credentials);
        byte[] twice = cipher.encrypt(credentials);

        assertThat(cipher.decrypt(once)).isEqualTo(credentials);
        assertThat(once).isNotEqualTo(twice);
    }

    @Test
    void without_a_configured_key_one_is_generated_once_and_readable_by_its_owner_only() throws Exception {
        var first = new CredentialCipher("", storage());
        byte[] sealed = first.encrypt(new StreamCredentials("u", "p"));
        Path file = dataDir.resolve("keys/credentials.key");

        var second = new CredentialCipher("", storage());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.decrypt(sealed)).isEqualTo(new StreamCredentials("u", "p"));
    }

    @Test
    void a_configured_key_is_used_and_another_key_cannot_decrypt() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        var configured = new CredentialCipher(key, storage());
        byte[] sealed = configured.encrypt(new StreamCredentials("u", "p"));

        assertThat(Files.exists(dataDir.resolve("keys/credentials.key"))).isFalse();
        assertThatThrownBy(() -> new CredentialCipher("", storage()).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_configured_key_of_the_wrong_length_stops_the_start() {
        assertThatThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16]), storage()))
            .hasMessageContaining("32 bytes");
    }
}
