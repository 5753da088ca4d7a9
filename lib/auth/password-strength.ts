import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/**
 * zxcvbn's score a new password needs: 3 is "safely unguessable", about 10^8 guesses against a slow hash. Length
 * alone (10 characters) lets `1234567890` and `password1234` through; the score stops those and every other
 * common, leaked or keyboard-walk password in the shipped dictionaries.
 */
export const MIN_PASSWORD_SCORE = 3;

// Words of this product that make a password guessable by anyone who knows where it is used.
const productWords = ["keel"];

// Built on first use (about a second: the dictionaries are ranked once per process) and only on the server: the
// dictionaries are megabytes, and a score computed in the browser could be skipped by a hand-made request.
let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Levenshtein matching costs up to seconds on long inputs; the dictionaries with l33t and reversal suffice.
    useLevenshteinDistance: false,
  });
  return checker;
}

/**
 * Why a new password is too easy to guess, in a sentence a person can act on, or null when it is strong enough.
 * `userInputs` (the person's name and email) count as known words: a password made of them is weak.
 */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  // Each input whole, squeezed ("rosa.parks" as "rosaparks") and in its parts, so any of them counts as one known word.
  const inputs = [...productWords, ...userInputs.flatMap((value) => {
    const lower = value.toLowerCase();
    const local = lower.split("@")[0]!;
    return [lower, local, local.replace(/[^a-z0-9]+/g, ""), ...lower.split(/[^a-z0-9]+/)];
  })].filter((w) => w.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `This password is too easy to guess.${hint ? ` ${hint}` : ""} Try a few unrelated words together.`;
}
