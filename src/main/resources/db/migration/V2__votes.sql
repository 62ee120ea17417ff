-- Members' votes, one per member and paper, each with its time (trending and charts need it).
-- Counts that came from an import stay in papers.imported_upvotes: they are not members' votes.
create table votes (
    paper_id  varchar(64) not null references papers (id) on delete cascade,
    user_id   bigint not null references users (id) on delete cascade,
    voted_at  timestamp with time zone not null,
    primary key (paper_id, user_id)
);

create index votes_paper_time on votes (paper_id, voted_at);
create index votes_time on votes (voted_at);
