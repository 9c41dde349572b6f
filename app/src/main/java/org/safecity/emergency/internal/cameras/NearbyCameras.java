package org.safecity.emergency.internal.cameras;

import java.util.List;
import org.safecity.shared.GeoPoint;

/** The cameras that may see an incident: within a radius, those facing the point first, then by distance. */
public interface NearbyCameras {

    List<CameraView> around(GeoPoint point, double radiusMetres);
}
