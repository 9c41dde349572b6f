package org.safecity.registry.internal.places;

import org.safecity.shared.GeoPoint;

/** A city of the rollout; its three-letter code is the city part of every jurisdiction. */
public record City(String code, String name, String districtHq, GeoPoint centre) {
}
