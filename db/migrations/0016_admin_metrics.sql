CREATE TABLE "metrics_cohorts" (
	"cohort_month" date NOT NULL,
	"months_since" integer NOT NULL,
	"orgs" integer NOT NULL,
	"paying" integer NOT NULL,
	"mrr_cents" bigint DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_cohorts_cohort_month_months_since_pk" PRIMARY KEY("cohort_month","months_since")
);
--> statement-breakpoint
CREATE TABLE "metrics_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"mrr_cents" bigint DEFAULT 0 NOT NULL,
	"arr_cents" bigint DEFAULT 0 NOT NULL,
	"new_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"expansion_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"contraction_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"churned_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"reactivation_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"net_new_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"paying_orgs" integer DEFAULT 0 NOT NULL,
	"new_paying_orgs" integer DEFAULT 0 NOT NULL,
	"churned_orgs" integer DEFAULT 0 NOT NULL,
	"reactivated_orgs" integer DEFAULT 0 NOT NULL,
	"trials_started" integer DEFAULT 0 NOT NULL,
	"trial_conversions" integer DEFAULT 0 NOT NULL,
	"trials_lost" integer DEFAULT 0 NOT NULL,
	"trial_conversion_rate" double precision,
	"logo_churn_rate" double precision,
	"revenue_churn_rate" double precision,
	"arpa_cents" integer,
	"signups" integer DEFAULT 0 NOT NULL,
	"new_orgs" integer DEFAULT 0 NOT NULL,
	"dau" integer DEFAULT 0 NOT NULL,
	"wau" integer DEFAULT 0 NOT NULL,
	"mau" integer DEFAULT 0 NOT NULL,
	"api_requests" bigint DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Written by hand: platform tables, written by the aggregate-metrics job and read by /admin, both through
-- withSystem only. app_user gets no grant: no tenant request has any business reading every organization's revenue.
REVOKE ALL ON "metrics_daily", "metrics_cohorts" FROM app_user;
