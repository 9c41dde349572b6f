package org.safecity.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where data lives and which database to use. With no {@code url}, SafeCity runs its own
 * PostgreSQL under {@code dataDir/pgsql}.
 *
 * @param dataDir everything SafeCity writes: database files, media, keys ({@code SAFECITY_DATA_DIR})
 * @param db an external PostgreSQL ({@code SAFECITY_DB_URL}, {@code _USER}, {@code _PASSWORD}) or none
 */
@ConfigurationProperties("safecity")
public record StorageSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Database db) {

    /**
     * @param connectionTimeout how long a request waits for a database connection before it is answered
     *     503: short, so that while the database is down every caller hears so at once rather than queueing
     * @param retryAfter what a 503 for an unreachable database tells the caller to wait before retrying
     * @param watchInterval how often the embedded server is checked, and restarted when it died
     * @param allowSuperuser connect to an external database as a superuser anyway (refused otherwise:
     *     a superuser can switch off the append-only guards of the audit trail and the custody log)
     */
    public record Database(String url, String user, String password, @DefaultValue("0") int embeddedPort,
                           @DefaultValue("10") int poolSize, @DefaultValue("2s") Duration connectionTimeout,
                           @DefaultValue("5s") Duration retryAfter, @DefaultValue("1s") Duration watchInterval,
                           @DefaultValue("false") boolean allowSuperuser) {

        @ConstructorBinding
        public Database {
        }

        /** The defaults for everything but where the database is and how large the pool. */
        public Database(String url, String user, String password, int embeddedPort, int poolSize) {
            this(url, user, password, embeddedPort, poolSize, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1), false);
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
