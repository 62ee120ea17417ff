-- The search index catches up with papers written by other processes in order of papers.updated_at
-- (search.CatchUp, every few seconds): without this index each look was a scan and sort of the table.
create index papers_updated on papers (updated_at, id);
