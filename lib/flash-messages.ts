/**
 * Messages a server action can leave for the next page after a redirect (a toast there). Only these keys travel
 * in the cookie, never text, so nothing a visitor sets is ever shown.
 */
export const flashMessages = {
  "password-changed": "Your password was changed. You're signed in here and signed out everywhere else.",
} as const;

export type FlashKey = keyof typeof flashMessages;

/** The cookie that carries a flash key across one redirect. */
export const FLASH_COOKIE = "keel-flash";
