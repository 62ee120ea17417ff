-- Thumbnails of papers' first pages: what the background job has done for each paper it tried.
-- The images themselves are files under <paperboy.thumbnails.dir>; a paper without a row has not
-- been tried yet.
create table thumbnails (
    paper_id         varchar(64) primary key references papers (id) on delete cascade,
    -- made: the image is on disk; waiting: a failure that may pass (5xx, timeout), tried again
    -- from next_attempt_at; failed: given up (not a PDF, too large, unreadable, 404, or too many
    -- attempts), never tried again unless the row is deleted
    state            varchar(16) not null,
    attempts         integer not null,
    -- why the last attempt failed, in words; null once made
    reason           varchar(1000),
    next_attempt_at  timestamp with time zone,
    updated_at       timestamp with time zone not null
);

-- the job's question: which of these papers are still to be tried now
create index thumbnails_by_state on thumbnails (state, next_attempt_at);
