/**
 * Anchors: the heads of SafeCity's hash-chained logs (the audit trail, the custody log) signed
 * with the Authority's key and written outside the database, to an append-only file beside the
 * data and, when configured, to an RFC 3161 time-stamping authority. Someone who can rewrite the
 * database can make a chain look whole; they cannot make it reach a head that was anchored elsewhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Anchors")
package org.safecity.anchors;
