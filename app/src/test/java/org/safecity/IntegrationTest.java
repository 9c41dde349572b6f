package org.safecity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.safecity.identity.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that run the whole application on a random port against real PostgreSQL and call
 * it over HTTP. All such tests share one application context and one database, so each test makes
 * its own records (unique names) rather than relying on an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final Map<String, SafeCityApi> SIGNED_IN = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    protected SafeCityApi anonymous;

    @BeforeEach
    void connect() {
        anonymous = SafeCityApi.anonymous(port);
    }

    protected SafeCityApi admin() {
        return SIGNED_IN.computeIfAbsent("admin@" + port, k -> anonymous.signIn("admin", TestDatabase.ADMIN_PASSWORD));
    }

    /** The password tests give the account {@code username}: long enough, and not containing the name. */
    public static String passwordOf(String username) {
        return "Kite River " + Integer.toHexString(username.hashCode());
    }

    /** A new account with these roles over the whole province, signed in. */
    protected SafeCityApi as(Role... roles) {
        return as(null, roles);
    }

    /** A new account with these roles, limited to one city (by code, e.g. {@code PSH}), signed in. */
    protected SafeCityApi as(String cityCode, Role... roles) {
        return as(cityCode, null, roles);
    }

    /** A new account with these roles, limited to one zone (police station area) of a city, signed in. */
    protected SafeCityApi as(String cityCode, String zoneCode, Role... roles) {
        String username = "test." + Arrays.stream(roles).map(r -> r.name().toLowerCase()).reduce((a, b) -> a + "." + b).orElse("none")
            + "." + ProcessHandle.current().pid() + "." + ACCOUNTS.incrementAndGet();
        String password = passwordOf(username);
        var body = new java.util.HashMap<String, Object>();
        body.put("username", username.replace('_', '-'));
        body.put("displayName", "Test " + username);
        body.put("password", password);
        body.put("roles", List.of(roles).stream().map(Enum::name).toList());
        if (cityCode != null) {
            body.put("cityCode", cityCode);
        } else {
            body.put("scope", "province");
        }
        if (zoneCode != null) {
            body.put("zoneCode", zoneCode);
        }
        if (Set.of(roles).contains(Role.PARTNER)) {
            body.put("partnerId", 1);
        }
        var created = admin().post("/api/v1/accounts", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create test account: " + created);
        }
        return anonymous.signIn(username.replace('_', '-'), password);
    }
}
