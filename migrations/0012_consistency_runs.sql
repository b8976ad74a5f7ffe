CREATE TABLE IF NOT EXISTS public.mt_doc_consistencyrun (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_consistencyrun_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_consistencyrun_idx_study_id ON public.mt_doc_consistencyrun USING btree ((CAST(data ->> 'StudyId' as uuid)));

CREATE INDEX mt_doc_consistencyrun_idx_video_id ON public.mt_doc_consistencyrun USING btree ((CAST(data ->> 'VideoId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_consistencyswitch (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_consistencyswitch_id PRIMARY KEY (id)
);
