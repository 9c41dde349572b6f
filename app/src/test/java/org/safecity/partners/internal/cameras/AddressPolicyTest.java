package org.safecity.partners.internal.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The addresses SafeCity refuses to fetch from when a manager names them, and why in words. */
class AddressPolicyTest {

    private static final AddressPolicy SHIPPED = AddressPolicy.of("", "10.20.0.0/16, fd12:3456::/32");

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void loopback_link_local_metadata_unspecified_and_multicast_are_refused_in_plain_words() {
        assertThat(SHIPPED.refusal("127.0.0.1")).hasValueSatisfying(w -> assertThat(w).contains("127.0.0.1").contains("loopback"));
        assertThat(SHIPPED.refusal("127.8.9.10")).isPresent();
        assertThat(SHIPPED.refusal("[::1]")).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
        assertThat(SHIPPED.refusal("169.254.169.254")).hasValueSatisfying(w -> assertThat(w).contains("metadata"));
        assertThat(SHIPPED.refusal("[fd00:ec2::254]")).hasValueSatisfying(w -> assertThat(w).contains("metadata"));
        assertThat(SHIPPED.refusal("[fe80::1]")).hasValueSatisfying(w -> assertThat(w).contains("link-local"));
        assertThat(SHIPPED.refusal("0.0.0.0")).hasValueSatisfying(w -> assertThat(w).contains("unspecified"));
        assertThat(SHIPPED.refusal("239.1.2.3")).hasValueSatisfying(w -> assertThat(w).contains("multicast"));
        // the same addresses written another way
        assertThat(SHIPPED.refusal("[::ffff:169.254.169.254]")).isPresent();
        assertThat(SHIPPED.refusal("2130706433")).isPresent(); // 127.0.0.1 as one number
    }

    @Test
    void the_authoritys_own_networks_are_refused_and_the_rest_is_fetched() {
        assertThat(SHIPPED.refusal("10.20.3.4")).hasValueSatisfying(w -> assertThat(w).contains("Authority's own network"));
        assertThat(SHIPPED.refusal("[fd12:3456::9]")).hasValueSatisfying(w -> assertThat(w).contains("Authority's own network"));
        assertThat(SHIPPED.refusal("10.21.3.4")).isEmpty();
        assertThat(SHIPPED.refusal("192.168.1.64")).isEmpty();
        assertThat(SHIPPED.refusal("203.0.113.7")).isEmpty();
    }

    @Test
    void an_allowed_network_is_fetched_though_a_rule_would_refuse_it() {
        var policy = AddressPolicy.of("127.0.0.0/8, 10.20.5.0/24", "10.20.0.0/16");

        assertThat(policy.refusal("127.0.0.1")).isEmpty();
        assertThat(policy.refusal("10.20.5.9")).isEmpty();
        assertThat(policy.refusal("10.20.6.9")).isPresent();
        assertThat(policy.refusal("169.254.169.254")).isPresent();
    }

    @Test
    void a_name_is_judged_by_every_address_it_resolves_to() {
        var dns = Map.of("camera.example.pk", List.of(ip("203.0.113.7")),
            "rebound.example.pk", List.of(ip("203.0.113.8"), ip("169.254.169.254")));

        assertThat(SHIPPED.refusal("camera.example.pk", n -> dns.getOrDefault(n, List.of()))).isEmpty();
        assertThat(SHIPPED.refusal("rebound.example.pk", n -> dns.getOrDefault(n, List.of())))
            .hasValueSatisfying(w -> assertThat(w).contains("rebound.example.pk (169.254.169.254)"));
        assertThat(SHIPPED.refusal("nowhere.example.pk", n -> dns.getOrDefault(n, List.of())))
            .hasValueSatisfying(w -> assertThat(w).contains("could not be found"));
    }

    @Test
    void a_setting_that_is_not_a_network_stops_the_start() {
        assertThatThrownBy(() -> AddressPolicy.of("intranet.local", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.of("10.0.0.0/33", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
