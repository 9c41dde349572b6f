package org.safecity.registry.internal.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safecity.registry.OwnDevices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registers SafeCity's own devices. Their {@code key_hash} is 33 bytes (a marker byte, then the SHA-256 of
 * the name): a presented key hashes to 32 bytes, so no key can ever match one, and the unique index on
 * the hash makes a concurrent first registration by two instances store one row.
 */
@Service
class RegisteringOwnDevices implements OwnDevices {

    private static final byte MARKER = 0x01;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    RegisteringOwnDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long deviceNamed(String name) {
        return known.computeIfAbsent(name, this::register);
    }

    private long register(String name) {
        byte[] hash = marker(name);
        jdbc.sql("insert into registry.device (name, key_hash, created_at) values (?, ?, ?) on conflict (key_hash) do nothing")
            .params(name, hash, Timestamp.from(clock.instant())).update();
        return jdbc.sql("select id from registry.device where key_hash = ?").param(hash).query(Long.class).single();
    }

    static byte[] marker(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = new byte[digest.length + 1];
            hash[0] = MARKER;
            System.arraycopy(digest, 0, hash, 1, digest.length);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
