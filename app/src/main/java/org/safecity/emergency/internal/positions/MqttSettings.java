package org.safecity.emergency.internal.positions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MQTT broker unit positions arrive on ({@code safecity.mqtt.*}); no url, no subscription.
 *
 * @param url e.g. {@code tcp://127.0.0.1:1883} ({@code SAFECITY_MQTT_URL})
 * @param topic the AVL topic filter; the unit id is the last level
 */
@ConfigurationProperties("safecity.mqtt")
record MqttSettings(String url, String username, String password, @DefaultValue("safecity/avl/+") String topic,
                    String clientId) {

    static final String DEFAULT_TOPIC = "safecity/avl/+";

    MqttSettings {
        if (topic == null || topic.isBlank()) {
            topic = DEFAULT_TOPIC;
        }
    }

    boolean enabled() {
        return url != null && !url.isBlank();
    }
}
