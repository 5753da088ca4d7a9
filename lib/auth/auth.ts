import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { authAdapter } from "@/db/auth-adapter";
import { recordAccountAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { afterResponse } from "@/lib/after-response";
import { appUrl, env, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { createOrg } from "@/lib/orgs/create-org";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, sessionCookie } from "./cookies";
import { z } from "zod";
import { isDisabled } from "./disabled";
import { authSecret } from "./secret";
import { TWO_FACTOR_PATH, issueChallenge, needsSecondFactor } from "./two-factor/challenge";
import { personalOrgName } from "./sign-up";

/*
 * Auth.js handles magic links and OAuth (GitHub, Google). Password sign-in does NOT go through it: Keel's own
 * server action checks the password and calls startSession(), because Auth.js credentials sign-in can't use
 * database sessions (it only issues JWTs), can't rate-limit per IP *and* per email with our own messages, and
 * records no device details. Both paths write the same `sessions` rows and the same `keel.session` cookie, so
 * getSession() reads either.
 */

/** How long a magic link works. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** The configured OAuth providers: each appears only when its id and secret are set. */
export function oauthProviders(settings: Env = env()): { id: "github" | "google"; name: string }[] {
  return [
    ...(settings.AUTH_GITHUB_ID && settings.AUTH_GITHUB_SECRET ? [{ id: "github" as const, name: "GitHub" }] : []),
    ...(settings.AUTH_GOOGLE_ID && settings.AUTH_GOOGLE_SECRET ? [{ id: "google" as const, name: "Google" }] : []),
  ];
}

/**
 * An Auth.js link moved onto the app's own origin (`appUrl()`), its callbackUrl too. Without AUTH_URL (Vercel's
 * derived origin) Auth.js takes its origin from the request's Host and X-Forwarded-Host, which the client writes.
 */
export function onAppOrigin(link: string): string {
  const url = new URL(link);
  const callback = url.searchParams.get("callbackUrl");
  if (callback && URL.canParse(callback)) {
    const target = new URL(callback);
    url.searchParams.set("callbackUrl", new URL(target.pathname + target.search + target.hash, appUrl()).href);
  }
  return new URL(url.pathname + url.search, appUrl()).href;
}

// A magic-link provider without nodemailer: the link goes out through Keel's email queue like every other email,
// queued after the response so that asking for a link takes the same time whoever asks.
const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  async sendVerificationRequest({ identifier, url, expires }) {
    const expiresInMinutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
    const link = onAppOrigin(url);
    await afterResponse("magic-link email", () =>
      enqueueEmail({ to: identifier, template: "magic-link", props: { url: link, expiresInMinutes } }, { orgId: null, actorId: null }).then(() => {}),
    );
  },
  options: {},
};

function config(): NextAuthConfig {
  // This function runs per request, once the database is configured.
  const enabled = new Set(oauthProviders().map((p) => p.id));
  return {
    adapter: authAdapter(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    cookies: { sessionToken: { name: sessionCookie.name, options: sessionCookie.options } },
    secret: authSecret(),
    trustHost: true,
    pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/check-email", newUser: "/sign-in/continue" },
    providers: [
      magicLink,
      ...(enabled.has("github") ? [GitHub] : []),
      ...(enabled.has("google") ? [Google] : []),
    ],
    callbacks: {
      // Two-factor comes before the session: with it on (and this browser not remembered), Auth.js creates no
      // session and the browser goes to the second step with a challenge cookie instead.
      async signIn({ user, account }) {
        // A disabled person is sent back to the sign-in page, which says so (?error=AccountDisabled).
        if (user.id && z.uuid().safeParse(user.id).success && (await isDisabled(user.id))) return "/sign-in?error=AccountDisabled";
        if (!user.id || !(await needsSecondFactor(user.id))) return true;
        await issueChallenge(user.id, account?.provider ?? "unknown", null);
        return TWO_FACTOR_PATH;
      },
    },
    events: {
      // A new person (OAuth or magic link) gets a personal organization, as password sign-up does.
      async createUser({ user }) {
        if (!user.id) return;
        await createOrg(user.id, { name: personalOrgName(user.name) });
        await recordAccountAudit({ action: "user.signed_up", actorId: user.id, target: { type: "user", id: user.id } });
      },
      async signIn({ user, account }) {
        if (!user.id) return;
        await recordAccountAudit({ action: "user.signed_in", actorId: user.id, target: { type: "user", id: user.id }, metadata: { method: account?.provider ?? "unknown" } });
      },
    },
    logger: {
      error: (error) => log.warn({ err: error }, "auth.js error"),
      warn: (code) => log.warn({ code }, "auth.js warning"),
    },
  };
}

/** Auth.js: its route handlers, and `signIn` for server actions (magic links, OAuth buttons). */
export const { handlers, signIn } = NextAuth(() => config());
