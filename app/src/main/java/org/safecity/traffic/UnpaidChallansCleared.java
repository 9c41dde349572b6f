package org.safecity.traffic;

/** A vehicle listed for unpaid challans is back within the limit (paid or cancelled): take it off the list. */
public record UnpaidChallansCleared(String plate) {
}
