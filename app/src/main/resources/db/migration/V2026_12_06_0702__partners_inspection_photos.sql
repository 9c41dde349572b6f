-- Photos an inspector takes at a visit: each is an evidence item (stored, hashed and sealed by the
-- evidence module, with its custody log); the visit keeps which items are its photos. The same picture
-- sent again for the same visit is the photo already there.
create table partners.inspection_photo (
    id            bigserial   primary key,
    inspection_id bigint      not null references partners.inspection (id),
    evidence_item uuid        not null unique,
    sha256        text        not null,
    media_type    text        not null,
    size_bytes    bigint      not null,
    caption       text,
    added_at      timestamptz not null,
    added_by      text        not null,
    constraint inspection_photo_once unique (inspection_id, sha256)
);
