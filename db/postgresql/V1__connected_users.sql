-- PostgreSQL twin of db/sqlite/V1 (same tables and meaning; see that file for the comments that apply to both).
-- Slack users who connected their own Syncro API token; the token is stored only as AES-256-GCM ciphertext.
-- Times are UTC instants as ISO-8601 text with milliseconds, so they sort as text.
CREATE TABLE connected_users (
  slack_user_id    TEXT    NOT NULL PRIMARY KEY,
  syncro_user_id   BIGINT  NOT NULL,
  syncro_user_name TEXT    NOT NULL,
  token_ciphertext BYTEA   NOT NULL,
  connected_at     TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
