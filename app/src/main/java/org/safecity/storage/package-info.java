/**
 * Where SafeCity keeps its data: the PostgreSQL connection (an external server, or one SafeCity
 * starts itself from binaries shipped in a Maven artifact) and the data directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package org.safecity.storage;
