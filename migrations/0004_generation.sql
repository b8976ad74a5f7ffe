CREATE TABLE IF NOT EXISTS public.mt_doc_dataprotectionkey (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_dataprotectionkey_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_generationbatch (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_generationbatch_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_generationbatch_idx_study_id ON public.mt_doc_generationbatch USING btree ((CAST(data ->> 'StudyId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_generationjob (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_generationjob_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_generationjob_idx_study_id ON public.mt_doc_generationjob USING btree ((CAST(data ->> 'StudyId' as uuid)));

CREATE INDEX mt_doc_generationjob_idx_batch_id ON public.mt_doc_generationjob USING btree ((CAST(data ->> 'BatchId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_inferenceserver (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_inferenceserver_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_serverhealth (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_serverhealth_id PRIMARY KEY (id)
);
