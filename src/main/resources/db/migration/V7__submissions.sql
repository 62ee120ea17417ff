-- Curation: a curator features a paper on its day (it comes first, with a badge) or hides it (it
-- leaves that day's page, the list API and the feeds, for everyone). Who did it, and when, is kept
-- beside the mark; clearing a mark clears both. Members' submissions are daily entries with a
-- submitter_id (V1), so they need no table of their own.
alter table daily_entries add column featured_at timestamp with time zone;
alter table daily_entries add column featured_by bigint;
alter table daily_entries add column hidden_at timestamp with time zone;
alter table daily_entries add column hidden_by bigint;
alter table daily_entries add constraint daily_entries_featured_by foreign key (featured_by) references users (id) on delete set null;
alter table daily_entries add constraint daily_entries_hidden_by foreign key (hidden_by) references users (id) on delete set null;
