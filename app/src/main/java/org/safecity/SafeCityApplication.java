package org.safecity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SafeCity: one deployable application, a modular monolith of the modules in ARCHITECTURE.md. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SafeCityApplication {

    public static void main(String[] args) {
        SpringApplication.run(SafeCityApplication.class, args);
    }
}
