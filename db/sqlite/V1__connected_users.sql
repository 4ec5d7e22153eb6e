-- Slack users who connected their own Syncro API token (R11: every write is attributed to the token's owner).
-- The token is stored only as AES-256-GCM ciphertext bound to slack_user_id; see TokenCipher.
-- Times are UTC instants as ISO-8601 text with milliseconds, e.g. 2025-01-31T14:05:00.000Z, so they sort as text.
CREATE TABLE connected_users (
  slack_user_id    TEXT    NOT NULL PRIMARY KEY,
  syncro_user_id   INTEGER NOT NULL,
  syncro_user_name TEXT    NOT NULL,
  token_ciphertext BLOB    NOT NULL,
  connected_at     TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
) STRICT;
