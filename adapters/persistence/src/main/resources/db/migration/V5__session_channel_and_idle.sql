-- Each session belongs to one channel (API bearer token or web cookie) and records when it was last used, for the
-- idle timeout (portal.web.idle-timeout, portal.api.idle-timeout). Sessions opened before this migration were
-- API sessions; their last use is taken to be their creation.
ALTER TABLE user_session ADD COLUMN channel VARCHAR(8) DEFAULT 'API' NOT NULL;
ALTER TABLE user_session ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
UPDATE user_session SET last_used_at = created_at;
ALTER TABLE user_session ALTER COLUMN last_used_at SET NOT NULL;
ALTER TABLE user_session ADD CONSTRAINT ck_user_session_channel CHECK (channel IN ('API', 'WEB'));
