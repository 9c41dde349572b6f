package org.safecity.detections.internal.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MQTT broker detections also arrive through ({@code safecity.mqtt.*}); no url, no MQTT intake.
 *
 * @param url e.g. {@code tcp://127.0.0.1:1883} ({@code SAFECITY_MQTT_URL})
 * @param username SafeCity's own account at the broker, if it needs one
 * @param password its password
 * @param clientId SafeCity's client id at the broker; with a persistent session under this id the broker keeps
 *                 the messages that arrive while SafeCity is down (one id per instance)
 * @param sessionExpiry how long the broker keeps that session, and its messages, while SafeCity is away
 */
@ConfigurationProperties("safecity.mqtt")
public record MqttIntakeSettings(String url, String username, String password, @DefaultValue("safecity-detections") String clientId, @DefaultValue("1d") Duration sessionExpiry) {

    boolean enabled() {
        return url != null && !url.isBlank();
    }
}
