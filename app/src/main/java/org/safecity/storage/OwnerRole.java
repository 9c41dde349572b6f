package org.safecity.storage;

import static org.safecity.storage.EmbeddedPostgres.DATABASE;
import static org.safecity.storage.EmbeddedPostgres.OWNER;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The role SafeCity works as ({@value EmbeddedPostgres#OWNER}): a plain login role that owns the database, so that the
 * application cannot switch off the guards that keep its audit trail and custody log append-only.
 */
final class OwnerRole {

    private static final Logger log = LoggerFactory.getLogger(OwnerRole.class);

    private OwnerRole() {
    }

    /**
     * As the bootstrap superuser: makes (or re-keys) the owner role, a plain login role, and gives it
     * the database. A database made before the owner role existed belonged to the superuser; it and
     * everything in it is handed to the owner role once.
     */
    static void createOwnerAndDatabase(int port, EmbeddedPostgres.Account bootstrap, String password) throws IOException {
        // The bundle has no psql; the JDBC driver SafeCity already uses does the job.
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        boolean handOver;
        try (var connection = java.sql.DriverManager.getConnection(admin, bootstrap.name(), bootstrap.password());
             var statement = connection.createStatement()) {
            boolean roleExists;
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + OWNER + "'")) {
                roleExists = rs.next();
            }
            // the password is hex: nothing to quote
            statement.execute((roleExists ? "alter role " : "create role ") + OWNER
                + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '" + password + "'");
            String owner = null;
            try (var rs = statement.executeQuery(
                    "select pg_get_userbyid(datdba) from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
            if (owner == null) {
                statement.execute("create database " + DATABASE + " owner " + OWNER);
            } else if (!owner.equals(OWNER)) {
                statement.execute("alter database " + DATABASE + " owner to " + OWNER);
            }
            handOver = owner != null && !owner.equals(OWNER);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create the role " + OWNER + " and the database " + DATABASE + ": " + e.getMessage(), e);
        }
        if (handOver) {
            handOverToOwner(port, bootstrap);
        }
    }

    /** Gives the owner role every schema, table, sequence and function the superuser made in the database. */
    private static void handOverToOwner(int port, EmbeddedPostgres.Account bootstrap) throws IOException {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, bootstrap.name(), bootstrap.password());
             var statement = connection.createStatement()) {
            statement.execute("""
                do $$
                declare o record;
                begin
                  for o in select format('alter schema %%I owner to %%I', nspname, '%1$s') as sql from pg_namespace
                           where nspowner = (select oid from pg_roles where rolname = current_user) and nspname not like 'pg\\_%%' and nspname <> 'information_schema'
                  loop execute o.sql; end loop;
                  -- sequences that belong to a column follow their table
                  for o in select format(case when c.relkind = 'S' then 'alter sequence %%s owner to %%I' else 'alter table %%s owner to %%I' end,
                                         c.oid::regclass, '%1$s') as sql
                           from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where c.relowner = (select oid from pg_roles where rolname = current_user) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                             and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                             and d.objid = c.oid and d.deptype in ('a', 'i')))
                  loop execute o.sql; end loop;
                  for o in select format('alter routine %%s owner to %%I', p.oid::regprocedure, '%1$s') as sql
                           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           where p.proowner = (select oid from pg_roles where rolname = current_user) and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                  loop execute o.sql; end loop;
                end $$""".formatted(OWNER));
            log.info("Handed the database {} and everything in it to the role {}, which SafeCity now uses instead of the superuser",
                DATABASE, OWNER);
        } catch (java.sql.SQLException e) {
            throw new IOException("could not hand the database " + DATABASE + " to the role " + OWNER + ": " + e.getMessage(), e);
        }
    }
}
