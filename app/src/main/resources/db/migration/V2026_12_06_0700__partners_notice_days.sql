-- How long a notice of non-compliance gives a premises to remedy, per category and version of its
-- requirement (the shipped file sets it on every start; 14 days was the one deadline for all before).
alter table partners.category_requirement add column notice_days int not null default 14 check (notice_days > 0);
