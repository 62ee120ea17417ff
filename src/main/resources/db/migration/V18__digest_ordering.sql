-- A digest's order is one of three choices rather than a yes or no: trending (as before), upvoted
-- (papers like those the member upvoted first, what personal = true meant) and for-you (the member's
-- "For you" model). Existing choices are kept.
alter table digest_subscriptions add column ordering varchar(16) default 'trending' not null;
update digest_subscriptions set ordering = 'upvoted' where personal = true;
alter table digest_subscriptions drop column personal;
