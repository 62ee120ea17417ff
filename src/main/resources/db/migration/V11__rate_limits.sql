-- Rate limits shared by every node on the same database: one row per (action, who) that serialises
-- the decisions about it (locked, never read for its content), and one row per counted attempt.
-- The key is a SHA-256 of the action and who (an account, a client address, a mail address), so
-- the table holds no address in clear.
create table rate_limit_keys (
    key_hash  char(64) not null primary key
);

create table rate_limit_events (
    key_hash  char(64) not null,
    taken_at  timestamp with time zone not null
);

create index rate_limit_events_by_key on rate_limit_events (key_hash, taken_at);
create index rate_limit_events_by_time on rate_limit_events (taken_at);
