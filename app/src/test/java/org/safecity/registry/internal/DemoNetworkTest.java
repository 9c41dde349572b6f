package org.safecity.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoNetworkTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoNetworkLoader loader;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loading_the_demo_again_adds_nothing() {
        long sites = count("select count(*) from registry.site where city_code = 'PSH'");
        long cameras = count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id where s.city_code = 'PSH'");
        long zones = count("select count(*) from registry.zone where city_code = 'PSH'");

        assertThat(loader.loadOnce()).isFalse();

        assertThat(count("select count(*) from registry.site where city_code = 'PSH'")).isEqualTo(sites);
        assertThat(count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id where s.city_code = 'PSH'"))
            .isEqualTo(cameras);
        assertThat(count("select count(*) from registry.zone where city_code = 'PSH'")).isEqualTo(zones);
        assertThat(count("select count(*) from registry.loaded where what = 'demo-network'")).isEqualTo(1);
    }

    @Test
    void the_demo_network_has_a_realistic_mix_of_statuses_and_nothing_after_today() {
        long planned = count("select count(*) from registry.camera where status = 'PLANNED' and installed_on is null");
        long offline = count("select count(*) from registry.camera where status = 'OFFLINE'");
        long faulty = count("select count(*) from registry.camera where status = 'FAULTY'");
        long online = count("select count(*) from registry.camera where status = 'ONLINE'");
        long future = count("select count(*) from registry.camera where installed_on > current_date")
            + count("select count(*) from registry.site where greatest(surveyed_on, installed_on, commissioned_on) > current_date");

        assertThat(online).isGreaterThan(400);
        assertThat(planned).isPositive();
        assertThat(offline).isPositive();
        assertThat(faulty).isPositive();
        assertThat(future).isZero();
        assertThat(count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id "
            + "where s.phase = 1 and c.installed_on < s.installed_on")).isZero();
    }

    @Test
    void every_demo_camera_has_rtsp_streams_and_encrypted_credentials() {
        long withoutStreams = count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id "
            + "where s.city_code = 'PSH' and s.phase = 1 and (c.main_stream not like 'rtsp://10.%' or c.sub_stream is null)");
        long withoutCredentials = count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id "
            + "where s.city_code = 'PSH' and s.phase = 1 and c.credentials is null");

        assertThat(withoutStreams).isZero();
        assertThat(withoutCredentials).isZero();
    }

    @Test
    void the_demo_is_the_same_on_every_run() {
        var first = DemoNetwork.plan(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 25));
        var second = DemoNetwork.plan(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 25));

        assertThat(first).isEqualTo(second);
    }
}
