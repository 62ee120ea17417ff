-- The For you feed's window (catalog.PaperRepository#idsInWindow) looks up the papers published on its
-- days: without this index each look read every paper's publication time, a cost that grew with the
-- catalog (an arXiv snapshot makes it millions).
create index papers_published on papers (published_at, id);
