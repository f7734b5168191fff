-- Platform account usernames are unique per platform for each user (API.md), across
-- all of that user's personas. The seed reaches the user only through personas, which
-- an index cannot span, so the owner is kept on the account itself (filled from the
-- persona, and removed with the user).
ALTER TABLE platform_accounts ADD COLUMN user_id UUID REFERENCES users(id) ON DELETE CASCADE;

UPDATE platform_accounts a SET user_id = p.user_id FROM personas p WHERE p.id = a.persona_id;

CREATE UNIQUE INDEX idx_platform_accounts_user_platform_username
    ON platform_accounts(user_id, platform_type, lower(username));
