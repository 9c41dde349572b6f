package org.safecity.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and device keys ({@code safecity.auth.*}, {@code safecity.identity.*}), read by placeholder in
 * {@link AccessTokens}, {@link AnyDeviceKeys}, {@link AdministratorBootstrap} and {@link TrustedProxies}.
 *
 * @param adminPassword the password of {@code admin}; set on a later start to reset it. Unset: generated once
 * @param trustedProxies the reverse proxies in front of SafeCity (addresses or CIDRs, comma-separated): only from them
 *                       are X-Forwarded-For, X-Forwarded-Proto and Forwarded believed. Unset: none, the headers ignored
 * @param auth bearer tokens
 * @param identity device keys
 */
@ConfigurationProperties("safecity")
record IdentitySettings(String adminPassword, String trustedProxies, @DefaultValue Auth auth, @DefaultValue Identity identity) {

    /** @param tokenLifetime lifetime of an API bearer token */
    record Auth(@DefaultValue("8h") Duration tokenLifetime) {
    }

    /** @param deviceKeyMemory how long a resolved device key is remembered; a revocation is immediate on every instance */
    record Identity(@DefaultValue("30s") Duration deviceKeyMemory) {
    }
}
