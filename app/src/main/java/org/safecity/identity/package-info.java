/**
 * Who may do what, where: people's accounts, roles and jurisdictions, sign-in (console sessions and
 * API tokens), machine credentials, and the hash-chained audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and audit")
package org.safecity.identity;
