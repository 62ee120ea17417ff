-- arXiv categories a member picked to start their "For you" feed (see docs/for-you.md, "Cold start"):
-- until they give other signals the feed shows these categories' papers, and after that it favours them.
create table library_categories (
    user_id    bigint not null references users (id) on delete cascade,
    category   varchar(64) not null,
    picked_at  timestamp with time zone not null,
    primary key (user_id, category)
);
