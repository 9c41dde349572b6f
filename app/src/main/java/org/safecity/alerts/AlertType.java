package org.safecity.alerts;

/** What raised an alert. */
public enum AlertType {
    /** A plate read matched a vehicle watchlist. */
    WATCHLIST_HIT,
    /** A face matched a person watchlist. */
    FACE_HIT,
    /** A camera's public-safety analytic (fire, fight, crowd, ...). */
    ANALYTIC,
    /** A recorded camera went dark. */
    CAMERA_OFFLINE
}
