-- Relay, session 3 (issue 4): a release (e.g. a consent that arrived) that finds the row in flight,
-- while the disclosure gate may already have decided "hold", is remembered on the row; the hold
-- that follows then makes the row due at once instead of at the periodic re-check. A claim
-- clears it. Portable: PostgreSQL + H2.
alter table continuum_outbox add column release_requested boolean not null default false;
