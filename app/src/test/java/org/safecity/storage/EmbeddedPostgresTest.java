package org.safecity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded server is a real PostgreSQL that keeps its data and survives an unclean stop. */
class EmbeddedPostgresTest {

    @TempDir
    Path home;

    @Test
    void data_written_before_a_stop_is_there_after_the_next_start() throws SQLException {
        try (var first = EmbeddedPostgres.start(home, 0)) {
            execute(first, "create table camera_note (id int primary key, note text)");
            execute(first, "insert into camera_note values (1, 'Chowk Yadgar north')");
        }

        try (var second = EmbeddedPostgres.start(home, 0)) {
            assertThat(query(second, "select note from camera_note where id = 1")).isEqualTo("Chowk Yadgar north");
            assertThat(query(second, "select current_setting('server_version_num')")).startsWith("17");
        }
        assertThat(Files.exists(home.resolve("data/PG_VERSION"))).isTrue();
    }

    @Test
    void a_server_left_running_by_a_killed_process_is_taken_over_on_the_next_start() throws SQLException {
        var abandoned = EmbeddedPostgres.start(home, 0);
        execute(abandoned, "create table left_behind (id int)");
        // no close(): as if the JVM had been killed

        try (var next = EmbeddedPostgres.start(home, 0)) {
            assertThat(query(next, "select count(*) from left_behind")).isEqualTo("0");
        }
    }

    @Test
    void the_server_listens_on_loopback_only_and_requires_a_password() {
        try (var server = EmbeddedPostgres.start(home, 0)) {
            var withoutPassword = org.assertj.core.api.Assertions.catchThrowable(() ->
                DriverManager.getConnection(server.jdbcUrl(), server.user(), "wrong").close());
            assertThat(withoutPassword).isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }

    @Test
    void the_application_s_account_owns_its_database_but_is_not_a_superuser() throws SQLException {
        try (var server = EmbeddedPostgres.start(home, 0)) {
            assertThat(query(server, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThat(query(server, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                .isEqualTo(server.user());
            assertThat(server.superuser()).isNotEqualTo(server.user());
            var replica = org.assertj.core.api.Assertions.catchThrowable(() -> execute(server, "set session_replication_role = replica"));
            assertThat(replica).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void safecity_refuses_to_work_as_a_superuser_unless_told_to_accept_it() {
        try (var server = EmbeddedPostgres.start(home, 0)) {
            var asSuperuser = new DriverManagerDataSource(server.jdbcUrl(), server.superuser(), server.superuserPassword());
            var asOwner = new DriverManagerDataSource(server.jdbcUrl(), server.user(), server.password());
            var refusing = new StorageSettings.Database(server.jdbcUrl(), null, null, 0, 1);
            var accepting = new StorageSettings.Database(server.jdbcUrl(), null, null, 0, 1, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(1), true);

            assertThatThrownBy(() -> DatabaseConfiguration.refuseSuperuser(asSuperuser, server.jdbcUrl(), refusing))
                .hasMessageContaining("refuses to connect to its database as " + server.superuser() + ", a superuser")
                .hasMessageContaining("SAFECITY_DB_ALLOW_SUPERUSER");
            DatabaseConfiguration.refuseSuperuser(asSuperuser, server.jdbcUrl(), accepting);
            DatabaseConfiguration.refuseSuperuser(asOwner, server.jdbcUrl(), refusing);
        }
    }

    @Test
    void a_cluster_whose_superuser_was_the_application_s_account_is_handed_to_the_owner_role() throws Exception {
        // what earlier versions left behind: the database and everything in it owned by the superuser "safecity",
        // whose password was in pgsql/password and no pgsql/superuser file
        String earlier = "earlier-password-1";
        try (var server = EmbeddedPostgres.start(home, 0)) {
            try (var c = DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword());
                 var s = c.createStatement()) {
                s.execute("create role safecity superuser login password '" + earlier + "'");
                s.execute("alter database safecity owner to safecity");
            }
            try (var c = DriverManager.getConnection(server.jdbcUrl(), "safecity", earlier); var s = c.createStatement()) {
                s.execute("create schema registry");
                s.execute("create table registry.camera (id serial primary key, name text)");
                s.execute("create sequence registry.camera_number");
                s.execute("create function registry.refuse() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$");
                s.execute("create table public.flyway_like (version text)");
            }
        }
        Files.delete(home.resolve("superuser"));
        Files.writeString(home.resolve("password"), earlier);

        try (var server = EmbeddedPostgres.start(home, 0)) {
            assertThat(server.superuser()).isEqualTo("safecity");
            assertThat(query(server, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
            assertThat(query(server, "select string_agg(distinct pg_get_userbyid(relowner), ',') from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('registry', 'public')")).isEqualTo(server.user());
            assertThat(query(server, "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'registry'")).isEqualTo(server.user());
            assertThat(query(server, "select pg_get_userbyid(proowner) from pg_proc where proname = 'refuse'")).isEqualTo(server.user());
            execute(server, "insert into registry.camera (name) values ('Chowk Yadgar north')");
            execute(server, "alter table registry.camera add column installed date");
        }
    }

    @Test
    void a_server_that_died_is_started_again_with_its_data() throws Exception {
        try (var server = EmbeddedPostgres.start(home, 0)) {
            execute(server, "create table survived (id int)");
            execute(server, "insert into survived values (7)");
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve("data/postmaster.pid")).getFirst().strip());
            new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.accepting() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.accepting()).isFalse();

            server.restartAfterCrash();

            assertThat(query(server, "select id from survived")).isEqualTo("7");
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password()); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
