-- 0005: server-side sign-in sessions (beyond V2). The auth cookie names a row here; sign-out, deactivation
-- and a password change revoke rows, so a copied cookie stops working at once instead of when it expires.

CREATE TABLE user_sessions (
    id           text NOT NULL,
    user_id      text NOT NULL,
    created_at   timestamp(3) without time zone NOT NULL,
    last_seen_at timestamp(3) without time zone NOT NULL,
    expires_at   timestamp(3) without time zone NOT NULL,
    revoked_at   timestamp(3) without time zone,
    ip           text,
    user_agent   text,
    CONSTRAINT user_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX user_sessions_user_id_idx ON user_sessions (user_id);
