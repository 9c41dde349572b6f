package org.safecity;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    /** Settings records, and records within them, are bound by Spring by nature. */
    private static final DescribedPredicate<JavaClass> settings = DescribedPredicate.describe("settings",
        c -> c.getSimpleName().endsWith("Settings") || c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Settings")).orElse(false));

    /**
     * Records are values: what a camera, a challan or an event is does not depend on the framework that
     * moves them. Settings records are the exception by nature (Spring binds them), and a private record
     * inside a component is that component's plumbing, not a value of the domain.
     */
    @Test
    void records_carry_no_spring() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.safecity");

        noClasses().that().areAssignableTo(Record.class).and().areNotPrivate().and(not(are(settings)))
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("a record is a value, whatever carries it")
            .check(classes);
    }
}
