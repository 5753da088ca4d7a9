CREATE TABLE "account_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_exports" ADD CONSTRAINT "account_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_exports_user_id_created_at_idx" ON "account_exports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE POLICY "self_read" ON "memberships" AS PERMISSIVE FOR SELECT TO public USING (nullif(current_setting('app.org_id', true), '')::uuid is null and "memberships"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "member_read" ON "organizations" AS PERMISSIVE FOR SELECT TO public USING (nullif(current_setting('app.org_id', true), '')::uuid is null and exists (select 1 from memberships m where m.org_id = "organizations"."id" and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));