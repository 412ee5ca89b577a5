-- SQL-on-FHIR view exports ($viewdefinition-export): the job state of each export, so polling,
-- downloads and SQL over it survive a restart, and expired or cancelled exports answer 404. The
-- files are under continuum.analytics.dir/exports/<id>; a row and its folder are deleted together
-- once the export is past continuum.export.retention. Portable: PostgreSQL + H2.
create table continuum_view_export (
    id           varchar(36)   primary key,
    client_id    varchar(200)  not null,
    requested_at timestamp(6) with time zone not null,
    request      varchar(4000) not null,
    format       varchar(16)   not null,
    views        integer       not null,
    status       varchar(16)   not null,
    outputs      text          not null,
    error        varchar(2000),
    finished_at  timestamp(6) with time zone,
    constraint continuum_view_export_status
        check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'))
);

-- A client's newest completed export (SQL over it) and the expiry sweep.
create index continuum_view_export_client on continuum_view_export (client_id, status, finished_at);
create index continuum_view_export_finished on continuum_view_export (finished_at);
