package org.safecity.registry.internal.cameras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.safecity.registry.StreamCredentials;
import org.safecity.storage.KeyFiles;
import org.safecity.storage.StorageSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts camera stream credentials with AES-256-GCM. The key is {@code safecity.secret-key}
 * ({@code SAFECITY_SECRET_KEY}, 32 bytes in base64) when set; otherwise one generated on first start
 * and kept, readable by its owner only, in {@code <data-dir>/keys/credentials.key}, so a copy of the
 * database alone reveals no password.
 */
@Component
public class CredentialCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "safecity.registry.camera-credentials".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(@Value("${safecity.secret-key:}") String configuredKey, StorageSettings storage) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(storage.dataDir().resolve("keys/credentials.key"))
            : decode(configuredKey), "AES");
    }

    public byte[] encrypt(StreamCredentials credentials) {
        byte[] plain = (credentials.username() + "\n" + credentials.password()).getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    StreamCredentials decrypt(byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("stored credentials are in an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            String plain = new String(cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES),
                StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            return new StreamCredentials(plain.substring(0, newline), plain.substring(newline + 1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored credentials cannot be decrypted with this key "
                + "(was safecity.secret-key or the key file changed?)", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("safecity.secret-key must be 32 bytes in base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("safecity.secret-key must be 32 bytes in base64, got " + bytes.length + " bytes");
        }
        return bytes;
    }

    private static byte[] keyFile(Path file) {
        try {
            return decode(KeyFiles.keptIn(file, () -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                return Base64.getEncoder().encodeToString(fresh);
            }, "the camera credential key (keep it with the database backups)"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the credential key " + file, e);
        }
    }
}
