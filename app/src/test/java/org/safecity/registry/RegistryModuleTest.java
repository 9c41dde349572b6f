package org.safecity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.SafeCityApplication;
import org.springframework.modulith.core.ApplicationModules;

class RegistryModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(SafeCityApplication.class);

    @Test
    void the_registry_keeps_its_insides_to_itself_and_uses_only_other_modules_published_types() {
        modules.verify();
    }

    @Test
    void the_registry_depends_on_identity_shared_and_storage_only() {
        var registry = modules.getModuleByName("registry").orElseThrow();

        assertThat(registry.getBootstrapDependencies(modules).map(m -> m.getName()).toList())
            .isSubsetOf("identity", "shared", "storage");
    }
}
