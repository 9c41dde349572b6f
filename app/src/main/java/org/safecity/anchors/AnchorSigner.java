package org.safecity.anchors;

/**
 * The Authority's Ed25519 key that signs anchors (the evidence signing key: one key, published at
 * {@code /api/v1/evidence/public-key}, that courts already verify exports and checkpoints with).
 */
public interface AnchorSigner {

    /** Ed25519 signature of the message. */
    byte[] sign(byte[] message);

    /** The public half, PEM (X.509 SubjectPublicKeyInfo). */
    String publicKeyPem();
}
