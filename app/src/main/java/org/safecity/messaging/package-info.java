/**
 * Connections to message brokers that devices and units publish to (MQTT); the modules that take
 * those messages (detections, emergency) say what to do with them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.safecity.messaging;
