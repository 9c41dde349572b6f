/**
 * Digital forensic evidence: items received from investigators and from other modules, kept
 * content-addressed and write-once; cases and their teams; the hash-chained custody log sealed by
 * signed checkpoints; retention and legal hold; signed export bundles a court verifies offline.
 * Other modules hand items over through {@link org.safecity.evidence.EvidenceIntake}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digital forensic evidence")
package org.safecity.evidence;
