package org.safecity.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
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

    public record Database(String url, String user, String password, @DefaultValue("0") int embeddedPort,
                           @DefaultValue("10") int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
