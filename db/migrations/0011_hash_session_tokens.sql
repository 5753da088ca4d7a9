-- Sessions are stored by the SHA-256 (hex) of their token, as every other token already is: the cookie keeps the
-- token, the table only its hash (db/queries/sessions.ts hashes on every lookup). Existing sessions keep working:
-- their tokens are hashed in place, so the cookies people hold still match.
UPDATE "sessions" SET "session_token" = encode(sha256(convert_to("session_token", 'UTF8')), 'hex');
