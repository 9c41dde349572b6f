package org.safecity.detections;

/**
 * A module that reacts to every stored detection (watchlists matching, traffic rules). Any bean
 * implementing it is handed each group of newly stored detections in memory right after the intake's
 * commit, on its own thread and in a transaction of its own, in the order the detections were stored.
 * Nothing is lost: the detections are read back from the sightings after the last one the consumer
 * finished (its cursor, moved in the same transaction) when SafeCity starts or the consumer falls behind,
 * so {@link #on} is called at least once, and exactly once for whatever it writes to the database.
 * A consumer is known by its class's full name (its cursor, and with Kafka its consumer group): moving the
 * class to another package needs a migration that moves its cursor.
 */
public interface DetectionConsumer {

    void on(DetectionsAccepted accepted);
}
