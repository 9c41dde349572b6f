/**
 * Emergency response: incidents from calls (15, Rescue 1122), panic buttons and escalated alerts;
 * police and Rescue 1122 units with their positions (AVL); recommendation and dispatch; the
 * timeline of each incident; response targets, their breaches and the figures (KPIs); NENA EIDO
 * exchange and OASIS CAP public warnings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency response")
package org.safecity.emergency;
