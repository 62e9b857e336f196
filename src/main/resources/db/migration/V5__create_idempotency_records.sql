-- Responses of POSTs sent with an Idempotency-Key, stored in the same transaction as their effect,
-- per credential, so a retried request gets the first answer instead of a second effect.
create table idempotency_record (
    credential   varchar(200)  not null,
    idem_key     varchar(255)  not null,
    request_hash varchar(64)   not null,
    status       integer       not null,
    body         text,
    location     varchar(500),
    created_at   timestamptz   not null default now(),
    primary key (credential, idem_key)
);
create index ix_idempotency_record_created on idempotency_record (created_at);
