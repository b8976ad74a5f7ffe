CREATE INDEX mt_doc_apitoken_idx_user_id ON public.mt_doc_apitoken USING btree ((CAST(data ->> 'UserId' as uuid)));
