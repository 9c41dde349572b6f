package org.safecity.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Times are kept in UTC and shown in Pakistan Standard Time. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Karachi");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
