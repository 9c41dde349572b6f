package org.safecity.partners.internal.cameras;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link AddressPolicy} of the settings; a network that does not parse stops the start. */
@Configuration(proxyBeanMethods = false)
class AddressPolicySettings {

    @Bean
    AddressPolicy partnerAddressPolicy(@Value("${safecity.partners.addresses.allowed:}") String allowed,
                                       @Value("${safecity.partners.addresses.denied:}") String denied) {
        return AddressPolicy.of(allowed, denied);
    }
}
