-- An item received on no case belongs to the jurisdiction of the person who received it: supervisors
-- of that city or zone may see it until it joins a case (then the case decides). Null is the whole
-- province; items received before this version count as province-wide.
alter table evidence.item add column city_code text;
alter table evidence.item add column zone_code text;
