CREATE TABLE IF NOT EXISTS public.mt_doc_videofolderimport (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_videofolderimport_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_videofolderimport_idx_study_id ON public.mt_doc_videofolderimport USING btree ((CAST(data ->> 'StudyId' as uuid)));
