/**
 * E-challan: violation rules over the detection stream, the review queue, the registered owner,
 * challans with their PDF notice, bank payments, the citizen portal, contests and reports.
 * Listens for {@link org.safecity.detections.DetectionsAccepted}; publishes
 * {@link org.safecity.traffic.UnpaidChallansExceeded} and {@link org.safecity.traffic.UnpaidChallansCleared}
 * for the unpaid-challans watchlist. Owners are read through {@link org.safecity.traffic.VehicleRegistrations}.
 * Offers its notification outbox to other modules' notices through {@link org.safecity.traffic.OutgoingMessages}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Traffic enforcement (e-challan)")
package org.safecity.traffic;
