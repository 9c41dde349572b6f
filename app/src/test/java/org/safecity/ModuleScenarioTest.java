package org.safecity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A scenario test of one module's side of an event contract: the application context holds the test's
 * module and the modules it depends on (Spring Modulith's {@code @ApplicationModuleTest}, all
 * dependencies), on the suite's database, and no other module. An event is published as its publisher
 * would publish it; the module's promised change is awaited in its own tables. A port the module declares
 * and a module outside the context implements (the partners' premises for emergency) is given by the
 * test as a Mockito bean. Other modules' readiness contributors are not in such a context either, so
 * readiness's group is not checked against them. The context plays the web role only: it shares the suite's
 * database with the whole application's context, and its own scheduled jobs (the unpaid-challans watch of
 * traffic under watchlists, say) would act on that context's data with a part of the application. Each context serves
 * one test class only, so it is closed after it, and has a small pool: kept open, the module contexts' connections
 * would count against the database server's limit beside the whole application's contexts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {"management.endpoint.health.validate-group-membership=false", "safecity.cluster.roles=web",
    "safecity.db.pool-size=3"})
@DirtiesContext
public @interface ModuleScenarioTest {
}
