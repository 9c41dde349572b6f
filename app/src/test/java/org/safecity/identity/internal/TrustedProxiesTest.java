package org.safecity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void the_setting_lists_addresses_and_networks_and_a_bare_address_is_a_network_of_one() {
        assertThat(TrustedProxies.cidrs("10.0.0.5, 192.168.10.0/24,2001:db8::7")).isEqualTo("10.0.0.5/32,192.168.10.0/24,2001:db8::7/128");
        assertThat(TrustedProxies.cidrs("")).as("no proxy: nobody's forwarded headers are believed").isEmpty();
        assertThat(TrustedProxies.cidrs(null)).isEmpty();
    }

    @Test
    void a_forwarded_header_names_each_client_without_port_or_brackets_and_the_protocol_it_came_by() {
        var elements = TrustedProxies.Forwarded.parse("for=\"[2001:db8:cafe::17]:4711\";proto=HTTPS;by=10.0.0.5, for=192.0.2.43:80, by=10.0.0.6");

        assertThat(elements).containsExactly(new TrustedProxies.Forwarded("2001:db8:cafe::17", "https"),
            new TrustedProxies.Forwarded("192.0.2.43", null));
    }
}
