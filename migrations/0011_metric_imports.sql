CREATE TABLE IF NOT EXISTS public.mt_doc_metricimport (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_metricimport_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_metricimport_idx_study_id ON public.mt_doc_metricimport USING btree ((CAST(data ->> 'StudyId' as uuid)));
