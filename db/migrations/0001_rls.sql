-- Row-Level Security that Drizzle cannot express: the app_user role, FORCE, and grants.
-- withTenant switches to app_user: NOLOGIN, no BYPASSRLS, owns nothing, so every tenant policy applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
END
$$;--> statement-breakpoint
ALTER ROLE app_user NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;--> statement-breakpoint
-- The migrating role must be able to SET ROLE app_user (a no-op grant for superusers).
GRANT app_user TO CURRENT_USER;--> statement-breakpoint
-- FORCE makes the policies bind the table owner too; only a BYPASSRLS role (withSystem) sees across tenants.
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "projects" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_logs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;--> statement-breakpoint
GRANT SELECT, UPDATE ON "organizations" TO app_user;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships", "invitations", "projects", "outbox_events" TO app_user;--> statement-breakpoint
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON "audit_logs" TO app_user;--> statement-breakpoint
-- Tenant code may show who a member is, never their password hash or admin flag.
GRANT SELECT ("id", "name", "email", "image") ON "users" TO app_user;
