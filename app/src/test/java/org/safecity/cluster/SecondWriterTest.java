package org.safecity.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.SafeCityApplication;
import org.safecity.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Without a broker, one instance of a database writes the sightings; a second is refused at start-up, saying why. */
class SecondWriterTest extends IntegrationTest {

    @Autowired
    InstanceRoles running;

    private static SpringApplicationBuilder instance() {
        return new SpringApplicationBuilder(SafeCityApplication.class).initializers(new TestDatabase())
            .properties("server.port=0", "safecity.demo=false");
    }

    @Test
    void a_second_instance_with_the_intake_role_on_the_same_database_is_refused_at_start_up_and_one_without_it_starts() {
        assertThatThrownBy(() -> instance()
                .run("--safecity.cluster.name=" + running.cluster(), "--safecity.cluster.instance=second-writer").close())
            .rootCause()
            .hasMessageContaining("second-writer cannot take detections")
            .hasMessageContaining(running.instance() + " already writes the sightings of this database")
            .hasMessageContaining("SAFECITY_ROLES without intake and processing");

        try (ConfigurableApplicationContext web = instance()
            .run("--safecity.cluster.name=" + running.cluster(), "--safecity.cluster.instance=second-web",
                "--safecity.cluster.roles=web,recording,scheduled")) {
            assertThat(web.getBean(InstanceRoles.class).has(Role.INTAKE)).isFalse();
            assertThat(web.getBean(LiveInstances.class).alive(Role.WEB)).contains("second-web", running.instance());
        }
    }
}
