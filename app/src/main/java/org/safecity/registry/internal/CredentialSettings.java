package org.safecity.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts stored camera credentials, read by placeholder in {@link CredentialCipher}.
 *
 * @param secretKey base64 AES-256 key ({@code SAFECITY_SECRET_KEY}); unset: generated once and kept in
 *                  {@code <data-dir>/keys/credentials.key}
 */
@ConfigurationProperties("safecity")
record CredentialSettings(String secretKey) {
}
