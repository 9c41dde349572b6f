package org.safecity.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: an external PostgreSQL when {@code SAFECITY_DB_URL} is set, otherwise the
 * embedded server under the data directory. Started before Flyway and stopped after the pool closes.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** After the data directory's check: a full disk is reported in SafeCity's words, before PostgreSQL fails in its own. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(StorageSettings settings, DataDirectory checked) {
        if (settings.db().external()) {
            return EmbeddedDatabase.NONE;
        }
        return new EmbeddedDatabase(EmbeddedPostgres.start(settings.dataDir().resolve("pgsql"), settings.db().embeddedPort()));
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
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if any, so that it closes after the pool that depends on it. */
    record EmbeddedDatabase(EmbeddedPostgres server) implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
