/** The web console for people: pages and live updates; no business rules of its own. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.safecity.console;
