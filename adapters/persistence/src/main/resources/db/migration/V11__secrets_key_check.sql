-- One value sealed with the installation's secrets key (portal.secrets.key) when the first process starts: every
-- later start opens it, so a process given another key refuses to start instead of failing on the first sealed
-- secret it reads (an operator's authenticator, in the middle of a sign-in or a security notice).
CREATE TABLE secrets_key_check (
    id         INTEGER                  NOT NULL,
    sealed     VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_secrets_key_check PRIMARY KEY (id)
);
