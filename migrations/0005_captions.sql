CREATE TABLE IF NOT EXISTS public.mt_doc_captionsettings (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_captionsettings_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_folderimport (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_folderimport_id PRIMARY KEY (id)
);
CREATE TABLE IF NOT EXISTS public.mt_doc_syntheticvideo (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
CONSTRAINT pkey_mt_doc_syntheticvideo_id PRIMARY KEY (id)
);

CREATE UNIQUE INDEX mt_doc_syntheticvideo_uidx_sha_256 ON public.mt_doc_syntheticvideo USING btree ((data ->> 'Sha256'));
