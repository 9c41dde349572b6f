package org.safecity.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
        "id, username, display_name, password_hash, roles, city_code, zone_code, partner_id, enabled";

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

    List<Account> list(int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from identity.account order by username limit ? offset ?")
            .params(limit, offset).query(AccountStore::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from identity.account").query(Long.class).single();
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
            new Jurisdiction(rs.getString("city_code"), rs.getString("zone_code")), partner, rs.getBoolean("enabled"));
    }
}
