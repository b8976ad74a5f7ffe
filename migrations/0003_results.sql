CREATE TABLE IF NOT EXISTS public.mt_doc_judgmentimport (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_judgmentimport_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_judgmentimport_idx_study_id ON public.mt_doc_judgmentimport USING btree ((CAST(data ->> 'StudyId' as uuid)));
CREATE TABLE IF NOT EXISTS public.mt_doc_studytally (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_studytally_id PRIMARY KEY (id)
);
