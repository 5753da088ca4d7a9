import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { personPolicy } from "./tenancy";

// Two-factor authentication (TOTP): a person's own rows, reached through withUser only.

/** A person's authenticator secret: pending until confirmed with a first code (`enabled_at`). */
export const twoFactorSecrets = pgTable(
  "two_factor_secrets",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    // The TOTP secret, encrypted (AES-256-GCM, key derived from AUTH_SECRET): a database leak yields no codes.
    secret: text("secret").notNull(),
    enabledAt: timestamp("enabled_at", { withTimezone: true }),
    // The 30-second step of the last accepted code: a code (or an earlier one) is never accepted twice.
    lastUsedStep: bigint("last_used_step", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [personPolicy(t.userId)],
);

/** One-time recovery codes, stored as SHA-256 hashes; a used code keeps its row (with `used_at`) for the count. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_user_id_code_hash_key").on(t.userId, t.codeHash), personPolicy(t.userId)],
);

/** Browsers a person chose to remember for 30 days: no code asked there. The cookie holds the token; this its hash. */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("trusted_devices_user_id_idx").on(t.userId), personPolicy(t.userId)],
);

export type TwoFactorSecret = typeof twoFactorSecrets.$inferSelect;
