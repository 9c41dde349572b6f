package org.safecity.emergency.internal.cameras;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safecity.emergency.internal.units.Whereabouts;
import org.safecity.registry.CameraDirectory;
import org.safecity.registry.CameraPresence;
import org.safecity.registry.CameraSummary;
import org.safecity.shared.GeoPoint;
import org.springframework.stereotype.Component;

/**
 * The registry's camera network, as emergency response needs it: the installed cameras around an
 * incident, and the city and police station zone a point lies in (those of the nearest site).
 */
@Component
class CameraNetwork implements NearbyCameras, Whereabouts {

    /** A point further than this from every site is not placed in a zone. */
    static final double ZONE_REACH_METRES = 3_000;
    /** ...nor in a city, further than this. */
    static final double CITY_REACH_METRES = 25_000;

    private final CameraDirectory directory;
    private final CameraPresence presence;

    CameraNetwork(CameraDirectory directory, CameraPresence presence) {
        this.directory = directory;
        this.presence = presence;
    }

    @Override
    public List<CameraView> around(GeoPoint point, double radiusMetres) {
        var installed = directory.near(point, radiusMetres).stream().filter(c -> c.installation().isInstalled()).toList();
        var observed = presence.now(installed.stream().map(CameraSummary::id).toList());
        return installed.stream()
            .map(c -> new CameraView(c.id(), c.name(), c.siteName(), c.location(), c.heading(), c.fieldOfView(),
                observed.get(c.id()).observed().name(), Math.round(c.location().metresTo(point) * 10) / 10.0,
                CameraView.faces(c.location(), c.heading(), c.fieldOfView(), point)))
            .sorted(Comparator.comparing((CameraView c) -> !c.facing()).thenComparingDouble(CameraView::distanceMetres))
            .toList();
    }

    @Override
    public Optional<Place> of(GeoPoint point) {
        var near = directory.near(point, ZONE_REACH_METRES);
        if (!near.isEmpty()) {
            return Optional.of(new Place(near.getFirst().cityCode(), near.getFirst().zoneCode()));
        }
        return directory.near(point, CITY_REACH_METRES).stream().findFirst().map(c -> new Place(c.cityCode(), null));
    }
}
