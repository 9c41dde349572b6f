package org.safecity.registry.internal;

import org.safecity.shared.GeoPoint;

/** A city of the rollout; its three-letter code is the city part of every jurisdiction. */
record City(String code, String name, String districtHq, GeoPoint centre) {
}
