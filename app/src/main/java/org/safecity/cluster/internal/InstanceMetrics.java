package org.safecity.cluster.internal;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.safecity.cluster.InstanceRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every metric this instance reports carries its name ({@code instance}), so one dashboard shows each instance apart. */
@Configuration(proxyBeanMethods = false)
class InstanceMetrics {

    @Bean
    MeterFilter instanceTag(InstanceRoles roles) {
        return MeterFilter.commonTags(Tags.of("instance", roles.instance()));
    }
}
