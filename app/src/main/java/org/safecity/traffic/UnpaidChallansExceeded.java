package org.safecity.traffic;

/**
 * A vehicle now has more unpaid overdue challans than the configured limit: it belongs on the
 * unpaid-challans watchlist (of {@code cityCode}, the city of its latest overdue challan).
 */
public record UnpaidChallansExceeded(String plate, String cityCode, int overdueChallans, String reason) {
}
