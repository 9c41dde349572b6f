package org.safecity.records.internal.sources;

import org.safecity.shared.FollowUp;
import org.safecity.watchlists.FedWatchlists;
import org.springframework.stereotype.Component;

/** Open stolen-vehicle reports and proclaimed offenders onto the watchlists, and off them when closed, once the import committed. */
@Component
class FeedingWatchlists {

    static final String FEED = "records";

    private final FedWatchlists watchlists;

    FeedingWatchlists(FedWatchlists watchlists) {
        this.watchlists = watchlists;
    }

    @FollowUp
    void on(FeedChange change) {
        switch (change.kind()) {
            case STOLEN_VEHICLE -> {
                if (change.plate() == null) {
                    return;
                }
                if (change.open()) {
                    watchlists.listStolenVehicle(FEED, change.plate(), change.cityCode(), change.reason());
                } else {
                    watchlists.unlistStolenVehicle(FEED, change.plate());
                }
            }
            case PROCLAIMED_OFFENDER -> {
                if (change.open()) {
                    watchlists.listWantedPerson(FEED, change.cnic(), change.name(), change.cityCode(), change.reason());
                } else {
                    watchlists.unlistWantedPerson(FEED, change.cnic(), change.name());
                }
            }
            default -> { }
        }
    }
}
