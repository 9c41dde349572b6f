/**
 * One store for police and departmental data: department feeds (sources) and every version of the
 * records they send (persons, vehicles, FIRs, arrests, licences, missing persons, stolen vehicles,
 * proclaimed offenders, prisoners), the persons and vehicles those records are linked to, one search
 * across them and the other modules' records, and profiles. Other modules read the registered owner of
 * a vehicle through {@link org.safecity.traffic.VehicleRegistrations}, which this module provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Police and departmental records")
package org.safecity.records;
