-- The language of each portal user's web pages and e-mails (spec §3); existing users read English.
ALTER TABLE portal_user ADD COLUMN language VARCHAR(5) DEFAULT 'en-CA' NOT NULL;
ALTER TABLE portal_user ADD CONSTRAINT ck_portal_user_language CHECK (language IN ('en-CA', 'fr-CA'));
