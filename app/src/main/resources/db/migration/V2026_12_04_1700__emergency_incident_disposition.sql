-- How an incident ended, chosen by the person who resolves or closes it (DUPLICATE when merged).
alter table emergency.incident add column disposition text;
