/**
 * Value types every module uses (plates, CNICs, points, pages) and the problem responses that
 * every HTTP error becomes. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.safecity.shared;
