-- Premises by status at the end of each past day (Pakistan time), by city, police station and category:
-- the compliance trend reads these instead of walking the whole history on every request. A past day
-- never changes (changes are recorded at the time they are found), so a day is counted once, when first
-- asked for; compliance_day_counted says which days are, including those that counted no premises.
create table partners.compliance_day (
    day         date   not null,
    city_code   text   not null,
    zone_code   text   not null default '',
    category    text   not null,
    status      text   not null,
    premises    int    not null,
    primary key (day, city_code, zone_code, category, status)
);

create table partners.compliance_day_counted (
    day        date        primary key,
    counted_at timestamptz not null
);
