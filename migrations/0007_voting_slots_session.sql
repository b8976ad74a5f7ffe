CREATE INDEX ix_voting_slots_session ON public.voting_slots USING btree (trial_id, session_id) WHERE (session_id is not null);
