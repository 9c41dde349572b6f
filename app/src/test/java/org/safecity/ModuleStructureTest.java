package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of ARCHITECTURE.md stay modules: no reaching into another's internals, no cycles. */
public class ModuleStructureTest {

    public static final ApplicationModules MODULES = ApplicationModules.of(SafeCityApplication.class);

    @Test
    void modules_respect_each_other_s_boundaries() {
        MODULES.verify();
    }

    @Test
    void the_module_documentation_is_written_from_the_code() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
            .writeDocumentation()
            .writeModuleCanvases();

        assertThat(output.resolve("components.puml")).exists();
        try (var files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("module-identity"));
        }
    }
}
