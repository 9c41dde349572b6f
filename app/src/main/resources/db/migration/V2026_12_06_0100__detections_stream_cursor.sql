-- With Apache Kafka between intake and processing, each detection consumer follows the sightings
-- topic partition by partition: the last sighting id it handled in each partition (ids grow within a
-- partition, which one writer at a time fills in order), moved in the consumer's own transaction.
create table detections.stream_cursor (
    consumer   text        not null,
    partition  integer     not null,
    last_id    bigint      not null,
    updated_at timestamptz not null,
    primary key (consumer, partition)
);

-- The consumer-group generation of the writer that last stored a partition's detections: a writer that
-- lost the partition in a rebalance (and does not know it yet) is refused, so one writer at a time fills
-- each partition and the ids of its stored detections grow. A generation older than a few minutes no
-- longer fences (the group may have been recreated, its generations counted from 1 again).
create table detections.stream_partition (
    partition  integer     primary key,
    generation integer     not null,
    updated_at timestamptz not null
);
