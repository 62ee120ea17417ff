-- Members' votes counted on the paper, so that a listing shows imported + members' votes without
-- counting the votes table. Kept by io.paperboy.community.Votes in the transaction that adds or
-- removes the vote.
alter table papers add column member_votes integer not null default 0;

-- The trending score of each paper on a daily list, relative to a reference time (the epoch):
--   score = sum over its votes of  weight * 2^((voted_at - epoch) / half_life)
-- Ranking by score is ranking by the decayed score at any moment, so the trending list is an index
-- read and a vote adds one term. See docs/trending.md.
create table paper_scores (
    paper_id  varchar(64) primary key references papers (id) on delete cascade,
    score     double precision not null,
    -- the epoch this score is relative to: the same on every row once a rebase commits; a vote adds
    -- to the row only while it still has the epoch the vote was computed for
    epoch     timestamp with time zone not null
);

create index paper_scores_rank on paper_scores (score desc, paper_id);

-- One row: the epoch the scores are relative to and the parameters they were computed with. Scores
-- computed with other parameters than the configured ones are rebuilt at start. The row exists from
-- the start (half-life 0: never computed), so that processes starting together can lock it.
create table trending_state (
    id                       integer primary key,
    epoch                    timestamp with time zone not null,
    half_life_seconds        bigint not null,
    new_account_age_seconds  bigint not null,
    rebuilt_at               timestamp with time zone not null,
    constraint trending_state_one_row check (id = 1)
);

insert into trending_state (id, epoch, half_life_seconds, new_account_age_seconds, rebuilt_at)
values (1, timestamp with time zone '1970-01-01 00:00:00+00', 0, 0, timestamp with time zone '1970-01-01 00:00:00+00');
