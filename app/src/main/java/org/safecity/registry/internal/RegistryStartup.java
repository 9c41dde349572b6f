package org.safecity.registry.internal;

import org.safecity.registry.internal.demo.DemoNetworkLoader;
import org.safecity.registry.internal.rollout.ReferenceData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.safecity.shared.DemoSettings;

/** On start: the cities and phases as announced, then (with {@code safecity.demo} on) the demo network, once. */
@Component
@Order(10)
class RegistryStartup implements ApplicationRunner {

    private final ReferenceData reference;
    private final DemoNetworkLoader demo;
    private final boolean demoEnabled;

    RegistryStartup(ReferenceData reference, DemoNetworkLoader demo, DemoSettings demoEnabled) {
        this.reference = reference;
        this.demo = demo;
        this.demoEnabled = demoEnabled.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        reference.load();
        if (demoEnabled) {
            demo.loadOnce();
        }
    }
}
