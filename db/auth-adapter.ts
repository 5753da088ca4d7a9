import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import { database } from "./client";
import { hashSessionToken } from "./queries/sessions";
import { accounts, sessions, users, verificationTokens } from "./schema";

/**
 * Auth.js's database adapter. Its magic-link and OAuth callbacks are signed-out flows like the public queries: they
 * find or create the person, link accounts and start sessions before anyone is signed in, on the owner connection.
 * It checks the drizzle instance's class, which client.ts's lazy proxies hide, hence the real one.
 */
export function authAdapter(): Adapter {
  const adapter = DrizzleAdapter(database().primary, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  // Sessions are stored by the hash of their token, as Keel's own sign-in stores them; Auth.js keeps handling
  // (and setting as the cookie) the token itself, so what it gets back carries the token, never the hash.
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  return {
    ...adapter,
    createSession: async (session) => ({ ...(await createSession!({ ...session, sessionToken: hashSessionToken(session.sessionToken) })), sessionToken: session.sessionToken }),
    getSessionAndUser: async (token) => {
      const found = await getSessionAndUser!(hashSessionToken(token));
      return found ? { ...found, session: { ...found.session, sessionToken: token } } : null;
    },
    updateSession: async (session) => {
      const updated = await updateSession!({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return updated ? { ...updated, sessionToken: session.sessionToken } : updated;
    },
    deleteSession: async (token) => {
      await deleteSession!(hashSessionToken(token));
    },
  };
}
