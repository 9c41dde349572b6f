package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.ModuleStructureTest;

class RegistryModuleTest {

    @Test
    void the_registry_depends_on_identity_shared_and_storage_only() {
        var modules = ModuleStructureTest.MODULES;
        var registry = modules.getModuleByName("registry").orElseThrow();

        assertThat(registry.getBootstrapDependencies(modules).map(m -> m.getIdentifier().toString()).toList())
            .isSubsetOf("identity", "shared", "storage");
    }
}
