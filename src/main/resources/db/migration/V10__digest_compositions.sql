-- The outbox keeps what a digest is made of (what it covers, its papers in order, the reason for
-- each) rather than the whole message: the message is written when it is sent. A row takes a few
-- hundred bytes instead of tens of kilobytes. Rows queued before keep their message and are sent
-- as they are.
alter table digest_outbox add column composition text;
alter table digest_outbox alter column subject drop not null;
alter table digest_outbox alter column body_text drop not null;
alter table digest_outbox alter column headers drop not null;

-- The papers a subscriber was sent are read from the compositions of their recent digests;
-- digest_sent_papers keeps those recorded before, and gets no new rows.
