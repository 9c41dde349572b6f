-- Public portal requests per client address and minute (minutes since 1970), shared by every instance
-- so the limit holds however the requests are spread; minutes gone by are deleted.
create table traffic.portal_request (
    address  text   not null,
    minute   bigint not null,
    requests int    not null,
    primary key (minute, address)
);
