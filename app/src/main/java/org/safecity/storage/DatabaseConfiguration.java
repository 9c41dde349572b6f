package org.safecity.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: an external PostgreSQL when {@code SAFECITY_DB_URL} is set, otherwise the
 * embedded server under the data directory, watched and restarted when it dies. Started before
 * Flyway and stopped after the pool closes. SafeCity never works as a database superuser.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** After the data directory's check: a full disk is reported in SafeCity's words, before PostgreSQL fails in its own. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(StorageSettings settings, DataDirectory checked) {
        if (settings.db().external()) {
            return EmbeddedDatabase.NONE;
        }
        var server = EmbeddedPostgres.start(settings.dataDir().resolve("pgsql"), settings.db().embeddedPort());
        return new EmbeddedDatabase(server, new EmbeddedPostgresWatch(server, settings.db().watchInterval()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StorageSettings settings, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        var db = settings.db();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(embedded.server().user());
            config.setPassword(embedded.server().password());
        }
        config.setPoolName("safecity");
        config.setMaximumPoolSize(db.poolSize());
        // A request waits this long for a connection, then is answered 503 (DatabaseUnavailableResponses), never 30 s.
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, Math.min(1_000, db.connectionTimeout().toMillis() / 2)));
        config.addDataSourceProperty("connectTimeout", Math.max(1, db.connectionTimeout().toSeconds()));
        var pool = new HikariDataSource(config);
        try {
            refuseSuperuser(pool, config.getJdbcUrl(), db);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /**
     * A superuser can switch off the append-only guards of the audit trail and the custody log
     * ({@code session_replication_role}, other roles' triggers) and read the server's files; the
     * application has no need for any of that, so a superuser account is refused unless the operator
     * says otherwise ({@code SAFECITY_DB_ALLOW_SUPERUSER}, e.g. for a one-off migration by hand).
     */
    static void refuseSuperuser(DataSource pool, String url, StorageSettings.Database db) {
        boolean superuser;
        String user;
        try (var connection = pool.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
            rs.next();
            user = rs.getString(1);
            superuser = rs.getBoolean(2);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the database at " + url + ": " + e.getMessage(), e);
        }
        if (!superuser) {
            return;
        }
        if (db.allowSuperuser()) {
            log.warn("SafeCity connects to its database as the superuser {} because SAFECITY_DB_ALLOW_SUPERUSER is set: "
                + "the audit trail's and custody log's guards can be switched off through this account", user);
            return;
        }
        throw new IllegalStateException("SafeCity refuses to connect to its database as " + user + ", a superuser: a superuser "
            + "can switch off the append-only guards of the audit trail and the custody log. Create a role that owns only "
            + "SafeCity's database (create role safecity login password '...'; create database safecity owner safecity;) and "
            + "set SAFECITY_DB_USER to it, or set SAFECITY_DB_ALLOW_SUPERUSER=true to accept the risk. See docs/operators-guide.md.");
    }

    /** Holds the embedded server, if any, so that it closes after the pool that depends on it. */
    record EmbeddedDatabase(EmbeddedPostgres server, EmbeddedPostgresWatch watch) implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);

        @Override
        public void close() {
            if (watch != null) {
                watch.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }
}
