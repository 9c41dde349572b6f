package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.SafeCityApplication;
import org.springframework.modulith.core.ApplicationModules;

class ConsoleBoundaryTest {

    @Test
    void the_console_reads_the_camera_network_over_http_and_depends_on_no_module_but_identity() {
        var modules = ApplicationModules.of(SafeCityApplication.class);
        var console = modules.getModuleByName("console").orElseThrow();

        var dependencies = console.getDirectDependencies(modules).stream()
            .map(dependency -> dependency.getTargetModule().getIdentifier().toString())
            .distinct().toList();

        assertThat(dependencies).containsOnly("identity");
    }
}
