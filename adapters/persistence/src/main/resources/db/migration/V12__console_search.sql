-- The provider's console finds an account by what the caller knows (spec §12), each way through an index, so that a
-- search reads a handful of rows at a million accounts.

-- A portal user's e-mail address in lower case (deleted users too: the caller may be the one who was deleted).
ALTER TABLE portal_user ADD COLUMN email_key VARCHAR(254);
UPDATE portal_user SET email_key = LOWER(email);
ALTER TABLE portal_user ALTER COLUMN email_key SET NOT NULL;
CREATE INDEX ix_portal_user_email_key ON portal_user (email_key);

-- Invoice numbers are unique per account only; the operator types one without the account.
CREATE INDEX ix_invoice_number ON invoice (invoice_number);

-- The words of each account's name (SearchWords: lower case, no accents), written with the account; a search finds
-- the names in which every word typed begins a word. V13 fills it for the accounts that exist already.
CREATE TABLE account_name_word (
    word       VARCHAR(40) NOT NULL,
    account_id UUID        NOT NULL,
    CONSTRAINT pk_account_name_word PRIMARY KEY (word, account_id),
    CONSTRAINT fk_account_name_word_account FOREIGN KEY (account_id) REFERENCES account (id)
);
-- The other words of a name, checked for each account the first word found.
CREATE INDEX ix_account_name_word_account ON account_name_word (account_id, word);
