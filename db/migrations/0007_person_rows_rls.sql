-- A person's own rows, reachable through withUser: FORCE binds the owner too (only a BYPASSRLS role, withSystem and
-- the named public queries of signed-out flows, goes around the policies), and app_user gets what withUser needs.
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_exports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Profile changes only: the password hash, the email and the admin flag stay out of app_user's reach.
GRANT UPDATE ("name", "image") ON "users" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "account_exports" TO app_user;
