package org.safecity.emergency.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safecity.registry.CameraDirectory;
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

    CameraNetwork(CameraDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<CameraView> around(GeoPoint point, double radiusMetres) {
        return directory.near(point, radiusMetres).stream()
            .filter(c -> c.status().isInstalled())
            .map(c -> new CameraView(c.id(), c.name(), c.siteName(), c.location(), c.heading(), c.fieldOfView(),
                c.status().name(), Math.round(c.location().metresTo(point) * 10) / 10.0,
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
