package org.safecity.identity;

/**
 * Published by a module that issues device keys when it revokes one, so that a key resolved a moment
 * ago is refused from now on, not when a remembered resolution runs out.
 *
 * @param issuer the issuing module, such as {@code registry} or {@code emergency}
 * @param id the revoked key's device or panic button
 */
public record DeviceKeyRevoked(String issuer, long id) {
}
