package org.safecity.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where citizens and premises reach SafeCity ({@code SAFECITY_PUBLIC_BASE_URL}), read as
 * {@code ${safecity.public-base-url}} by what prints links for them.
 *
 * @param publicBaseUrl the address a challan notice's and a premises certificate's QR code open
 *                      ({@code {this}/portal/verify?...})
 */
@ConfigurationProperties("safecity")
public record PublicAddressSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
