/**
 * Emergency response: incidents from calls (15, Rescue 1122), panic buttons and escalated alerts;
 * police and Rescue 1122 units with their positions (AVL); recommendation and dispatch; the
 * timeline of each incident; response targets, their breaches and the figures (KPIs); NENA EIDO
 * exchange and OASIS CAP public warnings. A panic button may belong to a premises of the partners
 * register, asked through {@link org.safecity.emergency.PremisesRegister}; a premises' buttons are read
 * through {@link org.safecity.emergency.PanicButtonsOfPremises}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency response")
package org.safecity.emergency;
