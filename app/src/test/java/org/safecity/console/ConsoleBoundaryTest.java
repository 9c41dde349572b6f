package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safecity.ModuleStructureTest;

class ConsoleBoundaryTest {

    /**
     * The map and rollout read the camera network over HTTP, so the console does not depend on
     * the registry. The evidence pages are rendered on the server from the evidence module's
     * exported {@code CaseRecords} (ModuleStructureTest keeps them off its internals), and
     * {@code shared} is open to every module.
     */
    @Test
    void the_console_reads_the_camera_network_over_http_and_depends_only_on_identity_shared_and_the_evidence_api() {
        var modules = ModuleStructureTest.MODULES;
        var console = modules.getModuleByName("console").orElseThrow();

        var dependencies = console.getDirectDependencies(modules).stream()
            .map(dependency -> dependency.getTargetModule().getIdentifier().toString())
            .distinct().toList();

        assertThat(dependencies).doesNotContain("registry").isSubsetOf("identity", "shared", "evidence");
    }
}
