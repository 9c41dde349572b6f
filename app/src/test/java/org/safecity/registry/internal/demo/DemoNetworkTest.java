package org.safecity.registry.internal.demo;

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
    void the_demo_network_has_a_realistic_mix_of_installations_and_nothing_after_today() {
        long planned = count("select count(*) from registry.camera where status = 'PLANNED' and installed_on is null");
        long installed = count("select count(*) from registry.camera where status = 'INSTALLED'");
        long faulty = count("select count(*) from registry.camera where status = 'FAULTY'");
        long future = count("select count(*) from registry.camera where installed_on > current_date")
            + count("select count(*) from registry.site where greatest(surveyed_on, installed_on, commissioned_on) > current_date");

        assertThat(installed).isGreaterThan(400);
        assertThat(planned).isPositive();
        assertThat(faulty).isPositive();
        assertThat(future).isZero();
        assertThat(count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id "
            + "where s.phase = 1 and c.installed_on < s.installed_on")).isZero();
    }

    @Test
    void no_demo_camera_is_said_to_have_been_heard_from() {
        assertThat(count("select count(*) from registry.camera c join registry.site s on s.id = c.site_id "
            + "where s.city_code = 'PSH' and c.last_seen is not null and not exists "
            + "(select 1 from registry.camera_presence p where p.camera_id = c.id)")).isZero();
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
