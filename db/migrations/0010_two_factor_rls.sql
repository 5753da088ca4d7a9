-- Two-factor rows are a person's own: FORCE binds the owner too, and app_user gets what withUser needs.
ALTER TABLE "two_factor_secrets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recovery_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trusted_devices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "two_factor_secrets", "recovery_codes", "trusted_devices" TO app_user;
