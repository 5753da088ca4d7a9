import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { database } from "./client";
import { accounts, sessions, users, verificationTokens } from "./schema";

/**
 * Auth.js's database adapter. Its magic-link and OAuth callbacks are signed-out flows like the public queries: they
 * find or create the person, link accounts and start sessions before anyone is signed in, on the owner connection.
 * It checks the drizzle instance's class, which client.ts's lazy proxies hide, hence the real one.
 */
export function authAdapter() {
  return DrizzleAdapter(database().primary, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
}
