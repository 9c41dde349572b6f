package org.safecity.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in {@code identity.account}. */
@Repository
class AccountStore {

    private static final String COLUMNS =
        "id, username, display_name, password_hash, roles, city_code, zone_code, partner_id, enabled, signed_out_at";

    /** {@link Jurisdiction#permits} in SQL: the account's own jurisdiction lies inside the scope. */
    private static final String WITHIN = """
        (cast(:scope_city as text) is null
         or (city_code = :scope_city and (cast(:scope_zone as text) is null or zone_code = :scope_zone)))""";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where username = ?")
            .param(username).query(AccountStore::map).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where id = ?").param(id).query(AccountStore::map).optional();
    }

    /** The accounts whose jurisdiction lies within {@code scope}: a city's administrator sees its city's and zones' accounts. */
    List<Account> list(Jurisdiction scope, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where " + WITHIN + " order by username limit :limit offset :offset")
            .params(scopeParams(scope)).param("limit", limit).param("offset", offset).query(AccountStore::map).list();
    }

    long count(Jurisdiction scope) {
        return jdbc.sql("select count(*) from identity.account where " + WITHIN).params(scopeParams(scope)).query(Long.class).single();
    }

    private static Map<String, Object> scopeParams(Jurisdiction scope) {
        var params = new HashMap<String, Object>();
        params.put("scope_city", scope.cityCode());
        params.put("scope_zone", scope.zoneCode());
        return params;
    }

    /**
     * Ends everything the account signed in with: its access tokens are deleted and console sessions
     * begun before now are refused from their next request. A later sign-in starts afresh.
     */
    void endSignIns(long id, Instant now) {
        jdbc.sql("delete from identity.access_token where account_id = ?").param(id).update();
        jdbc.sql("update identity.account set signed_out_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    long insert(String username, String displayName, String passwordHash, Set<Role> roles, Jurisdiction jurisdiction,
                Long partnerId) {
        return jdbc.sql("""
                insert into identity.account (username, display_name, password_hash, roles, city_code, zone_code, partner_id)
                values (:username, :displayName, :hash, :roles, :city, :zone, :partner) returning id""")
            .param("username", username).param("displayName", displayName).param("hash", passwordHash)
            .param("roles", roleArray(roles)).param("city", jurisdiction.cityCode()).param("zone", jurisdiction.zoneCode())
            .param("partner", partnerId)
            .query(Long.class).single();
    }

    void update(long id, String displayName, Set<Role> roles, Jurisdiction jurisdiction, Long partnerId, boolean enabled) {
        jdbc.sql("""
                update identity.account set display_name = :displayName, roles = :roles, city_code = :city,
                       zone_code = :zone, partner_id = :partner, enabled = :enabled where id = :id""")
            .param("displayName", displayName).param("roles", roleArray(roles)).param("city", jurisdiction.cityCode())
            .param("zone", jurisdiction.zoneCode()).param("partner", partnerId).param("enabled", enabled).param("id", id)
            .update();
    }

    void changePassword(long id, String passwordHash) {
        jdbc.sql("update identity.account set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    private static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        Long partner = rs.getObject("partner_id", Long.class);
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
            rs.getString("password_hash"), Set.copyOf(roles),
            new Jurisdiction(rs.getString("city_code"), rs.getString("zone_code")), partner, rs.getBoolean("enabled"),
            Optional.ofNullable(rs.getTimestamp("signed_out_at")).map(Timestamp::toInstant).orElse(null));
    }
}
