CREATE TABLE IF NOT EXISTS public.mt_doc_candidatevideo (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_candidatevideo_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_candidatevideo_idx_study_id ON public.mt_doc_candidatevideo USING btree ((CAST(data ->> 'StudyId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_mediafile (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_mediafile_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_participantsession (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_participantsession_id PRIMARY KEY (id)
);

CREATE UNIQUE INDEX mt_doc_participantsession_uidx_token ON public.mt_doc_participantsession USING btree ((data ->> 'Token'));

CREATE UNIQUE INDEX participant_per_study ON public.mt_doc_participantsession USING btree ((CAST(data ->> 'StudyId' as uuid)), (data ->> 'ParticipantId'));
CREATE TABLE IF NOT EXISTS public.mt_doc_study (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_study_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_trialslot (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_trialslot_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_trialslot_idx_study_id ON public.mt_doc_trialslot USING btree ((CAST(data ->> 'StudyId' as uuid)));

CREATE INDEX mt_doc_trialslot_idx_trial_id ON public.mt_doc_trialslot USING btree ((CAST(data ->> 'TrialId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_videoprogress (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_videoprogress_id PRIMARY KEY (id)
);
