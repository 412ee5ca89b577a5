-- Relay, session 2 (issue 4): deliver-by ordering, held deliveries (disclosure gate), retry by
-- time horizon, patient of a delivery (release of held rows by patient). Portable: PostgreSQL + H2.
alter table continuum_outbox add column deliver_by timestamp(6) with time zone;
alter table continuum_outbox add column patient_id varchar(64);
-- Start of the first attempt that failed transiently: the retry horizon counts from here.
alter table continuum_outbox add column first_attempt_at timestamp(6) with time zone;
-- Attempts answered with Retry-After: they do not count against max-attempts or the backoff.
alter table continuum_outbox add column throttled integer not null default 0;

alter table continuum_outbox drop constraint continuum_outbox_state;
alter table continuum_outbox add constraint continuum_outbox_state
    check (state in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD', 'HELD'));

-- Release of held rows by patient.
create index continuum_outbox_patient on continuum_outbox (patient_id, state);
-- Housekeeping: delivered rows by age.
create index continuum_outbox_delivered on continuum_outbox (delivered_at);
