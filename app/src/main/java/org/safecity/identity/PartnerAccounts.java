package org.safecity.identity;

/**
 * Accounts for a premises' managers, issued by the module that keeps the premises. A caller may rely on:
 * the account has the role {@code PARTNER} and only it, its partner id is the premises' id, its jurisdiction
 * the premises' place; its password is generated here, returned once in {@link Issued} and stored only
 * as a hash, so whoever issues it hands it to the manager and it cannot be read again (an administrator
 * sets a new one when it is lost).
 */
public interface PartnerAccounts {

    record Issued(long accountId, String username, String oneTimePassword) {

        @Override
        public String toString() {
            return "Issued[" + accountId + ", " + username + ", ****]";
        }
    }

    /** A new account named after the premises ({@code premises-<id>}, then {@code -2}, {@code -3}...). */
    Issued issue(long premisesId, String displayName, Jurisdiction place);
}
