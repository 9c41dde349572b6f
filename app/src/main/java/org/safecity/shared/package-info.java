/**
 * Value types every module uses (plates, CNICs, points, pages), the problem responses that
 * every HTTP error becomes, the input rules every piece of outside text passes
 * ({@link org.safecity.shared.TextPolicy}), {@link org.safecity.shared.FollowUp}, how a module follows up another
 * module's event, and {@link org.safecity.shared.InstanceNotices}, how instances sharing a database
 * tell each other what changed, {@link org.safecity.shared.Translations}, how words in English and Urdu
 * are read, and {@code shared.pdf}, how a PDF prints both with embedded fonts. Kept small on purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.safecity.shared;
