package org.safecity.evidence.internal.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.safecity.anchors.AnchorSigner;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceSettings;
import org.safecity.storage.KeyFiles;
import org.safecity.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Authority's Ed25519 key that signs custody checkpoints, export manifests and the anchors of the logs. Taken from
 * {@code safecity.evidence.signing-key} (PKCS#8, base64) or else generated once and kept in
 * {@code <data-dir>/keys/evidence-signing.key}, readable by its owner only. Courts verify with the
 * public half ({@code GET /api/v1/evidence/public-key}).
 */
@Component
public class SigningKey implements AnchorSigner {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SigningKey(EvidenceSettings settings, StorageSettings storage) throws IOException, GeneralSecurityException {
        String configured = settings.signingKey();
        byte[] pkcs8 = configured != null && !configured.isBlank()
            ? Base64.getMimeDecoder().decode(configured.strip())
            : keptIn(storage.dataDir().resolve("keys").resolve("evidence-signing.key"));
        this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        this.publicKey = publicOf(privateKey);
        log.info("Evidence signing key: public key SHA-256 {}", fingerprint());
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the evidence key", e);
        }
    }

    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** PEM of the X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it. */
    @Override
    public String publicKeyPem() {
        return pem(publicKey.getEncoded());
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** SHA-256 of the DER public key, hex: how bundles and checkpoints name the key that signed them. */
    public String fingerprint() {
        return HexFormat.of().formatHex(ContentStore.sha256().digest(publicKey.getEncoded()));
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new GeneralSecurityException("the signing key has no seed"));
        byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        byte[] der = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private static byte[] keptIn(Path file) throws IOException, GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("Ed25519");
        String text = KeyFiles.keptIn(file, () -> Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()),
            "the evidence signing key (exports signed with it verify only with its public key)");
        return Base64.getMimeDecoder().decode(text);
    }
}
