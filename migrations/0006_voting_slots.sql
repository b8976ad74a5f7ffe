CREATE TABLE IF NOT EXISTS public.voting_slots (
    trial_id          uuid                        NOT NULL,
    slot              integer                     NOT NULL,
    study_id          uuid                        NOT NULL,
    session_id        uuid                        NULL,
    left_condition    text                        NULL,
    assigned_at       timestamp with time zone    NULL,
    judged_at         timestamp with time zone    NULL,
CONSTRAINT pkey_voting_slots_trial_id_slot PRIMARY KEY (trial_id, slot)
);

CREATE INDEX ix_voting_slots_claimed ON public.voting_slots USING btree (study_id) WHERE (session_id is not null);
CREATE TABLE IF NOT EXISTS public.mt_doc_tallypart (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_tallypart_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_tallypart_idx_study_id ON public.mt_doc_tallypart USING btree ((CAST(data ->> 'StudyId' as uuid)));

-- Studies begun before the slot ledger: each live slot of the old per-session slot documents (answered, or held and
-- not released; gold trials have no k) becomes a numbered slot of its trial. The other slots are made when a study's
-- trials are next handed out.
INSERT INTO public.voting_slots (trial_id, slot, study_id, session_id, left_condition, assigned_at, judged_at)
SELECT (data ->> 'TrialId')::uuid,
       (row_number() OVER (PARTITION BY data ->> 'TrialId' ORDER BY (data ->> 'JudgedAt') IS NULL, (data ->> 'AssignedAt')::timestamptz) - 1)::int,
       (data ->> 'StudyId')::uuid, (data ->> 'SessionId')::uuid, data ->> 'LeftCondition',
       (data ->> 'AssignedAt')::timestamptz, (data ->> 'JudgedAt')::timestamptz
FROM public.mt_doc_trialslot
WHERE NOT coalesce((data ->> 'IsGold')::boolean, false) AND NOT coalesce((data ->> 'Released')::boolean, false)
ON CONFLICT DO NOTHING;
