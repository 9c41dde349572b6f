package org.safecity.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.safecity.shared.BearerSecret;
import org.safecity.cluster.OncePerCluster;
import org.safecity.identity.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for people using the API: random, shown once, stored as SHA-256 hashes, expiring.
 * A disabled account's tokens stop working at once because each use re-reads the account; a
 * token signed out, or all of an account's when its password changes or it is disabled, is deleted
 * and so never works again.
 */
@Component
class AccessTokens {

    static final String PREFIX = "sct_";
    private static final BearerSecret TOKENS = new BearerSecret(PREFIX);

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final Clock clock;
    private final Duration lifetime;

    private final OncePerCluster oncePerCluster;

    AccessTokens(JdbcClient jdbc, AccountStore accounts, Clock clock,
                 @Value("${safecity.auth.token-lifetime}") Duration lifetime, OncePerCluster oncePerCluster) {
        this.oncePerCluster = oncePerCluster;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record Issued(String token, Duration lifetime) {
    }

    Issued issue(Actor.Person person) {
        String token = TOKENS.issue();
        Instant now = clock.instant();
        jdbc.sql("insert into identity.access_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
            .params(BearerSecret.hash(token), person.accountId(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(lifetime)))
            .update();
        return new Issued(token, lifetime);
    }

    Optional<Actor.Person> resolve(String token) {
        return jdbc.sql("select account_id from identity.access_token where token_hash = ? and expires_at > ?")
            .params(BearerSecret.hash(token), java.sql.Timestamp.from(clock.instant()))
            .query(Long.class).optional()
            .flatMap(accounts::findById)
            .filter(Account::enabled)
            .map(Account::asActor);
    }

    /** Ends the presented token for good; whether it was one that worked. */
    boolean revoke(String token) {
        return jdbc.sql("delete from identity.access_token where token_hash = ?").param(BearerSecret.hash(token)).update() > 0;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void removeExpired() {
        if (!oncePerCluster.mine("identity expired-tokens")) {
            return; // another instance of the cluster runs it
        }
        jdbc.sql("delete from identity.access_token where expires_at < ?").param(java.sql.Timestamp.from(clock.instant())).update();
    }
}
