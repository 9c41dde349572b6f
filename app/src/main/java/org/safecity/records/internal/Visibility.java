package org.safecity.records.internal;

import java.util.EnumSet;
import java.util.Set;
import org.safecity.identity.Actor;
import org.safecity.identity.Role;
import org.safecity.records.internal.RecordKind.Category;

/**
 * What each role may see of the records, enforced here on the server for search, profiles and link
 * views alike (docs/records.md has the table). A traffic reviewer sees vehicles and their owners,
 * never criminal records; operators and dispatchers see who a person is but not their criminal
 * history; investigators, supervisors and administrators see everything. A person holding several
 * roles sees what any of them may.
 */
public final class Visibility {

    /** The roles that may search and read profiles at all (the controllers' {@code @PreAuthorize}). */
    public static final String READERS = "hasAnyRole('ADMIN','SUPERVISOR','INVESTIGATOR','OPERATOR','DISPATCHER','TRAFFIC_REVIEWER')";

    private final Set<Category> categories;
    private final boolean watchlists;
    private final boolean challans;
    private final boolean sightings;

    private Visibility(Set<Category> categories, boolean watchlists, boolean challans, boolean sightings) {
        this.categories = categories;
        this.watchlists = watchlists;
        this.challans = challans;
        this.sightings = sightings;
    }

    public static Visibility of(Actor actor) {
        var categories = EnumSet.noneOf(Category.class);
        boolean watchlists = false;
        boolean challans = false;
        boolean sightings = false;
        for (Role role : actor.roles()) {
            switch (role) {
                case ADMIN, SUPERVISOR, INVESTIGATOR -> {
                    categories.addAll(EnumSet.allOf(Category.class));
                    watchlists = true;
                    challans = true;
                    sightings = true;
                }
                case OPERATOR -> {
                    categories.add(Category.VEHICLE);
                    categories.add(Category.IDENTITY);
                    watchlists = true;
                    sightings = true;
                }
                case DISPATCHER -> {
                    categories.add(Category.VEHICLE);
                    categories.add(Category.IDENTITY);
                }
                case TRAFFIC_REVIEWER -> {
                    categories.add(Category.VEHICLE);
                    challans = true;
                }
                default -> { }
            }
        }
        return new Visibility(categories, watchlists, challans, sightings);
    }

    public boolean sees(RecordKind kind) {
        return categories.contains(kind.category());
    }

    public boolean seesFirs() {
        return sees(RecordKind.FIR);
    }

    public boolean seesWatchlists() {
        return watchlists;
    }

    public boolean seesChallans() {
        return challans;
    }

    /** Where a vehicle was seen: the roles that may search sightings. */
    public boolean seesSightings() {
        return sightings;
    }

    /** Incidents a person called about: the roles that see who a person is. */
    public boolean seesIncidents() {
        return categories.contains(Category.IDENTITY);
    }

    Set<Category> categories() {
        return categories;
    }
}
