-- vision: plate reads are deleted by age (safecity.vision.plates.reads-kept-for); the oldest are found by this index.
create index plate_read_age_idx on vision.plate_read (read_at);
