CREATE TABLE "feature_flag_overrides" (
	"org_id" uuid NOT NULL,
	"flag_key" text NOT NULL,
	"enabled" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_flag_overrides_org_id_flag_key_pk" PRIMARY KEY("org_id","flag_key")
);
--> statement-breakpoint
ALTER TABLE "feature_flag_overrides" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feature_flags" (
	"key" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_enabled" boolean DEFAULT false NOT NULL,
	"rollout_percent" integer DEFAULT 0 NOT NULL,
	"plans" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_flags_rollout_percent_range" CHECK ("feature_flags"."rollout_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "feature_flag_overrides" ADD CONSTRAINT "feature_flag_overrides_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_flag_overrides" ADD CONSTRAINT "feature_flag_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_flags" ADD CONSTRAINT "feature_flags_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feature_flag_overrides_flag_key_idx" ON "feature_flag_overrides" USING btree ("flag_key");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "feature_flag_overrides" AS PERMISSIVE FOR ALL TO public USING ("feature_flag_overrides"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("feature_flag_overrides"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Written by hand below (drizzle-kit cannot express it): RLS binds the owner too, and app_user's grants.
ALTER TABLE "feature_flag_overrides" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Only the admin console writes overrides today (through withSystem); under the policy an organization's own
-- overrides are tenant data like any other, so a self-serve beta opt-in could write them through withTenant.
-- feature_flags is a platform table: app_user gets nothing on it (the snapshot is built through withSystem).
GRANT SELECT, INSERT, UPDATE, DELETE ON "feature_flag_overrides" TO app_user;
