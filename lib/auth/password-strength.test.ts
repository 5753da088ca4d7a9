import { describe, expect, it } from "vitest";
import { changePasswordSchema, resetPasswordSchema, signUpSchema } from "./schemas";

const person = { name: "Rosa Parks", email: "rosa.parks@example.test" };
const passwordIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.find((i) => i.path[0] === "password")?.message ?? null;

describe("new password policy (scored on the server)", () => {
  it("refuses common and keyboard-pattern passwords that pass the length rule", () => {
    for (const password of ["1234567890", "password1234", "qwertyuiop", "iloveyou12345", "aaaaaaaaaaaa"]) {
      expect(passwordIssue(signUpSchema.safeParse({ ...person, password })), password).toMatch(/too easy to guess/);
    }
  });

  it("refuses a password made of the person's own name or address", () => {
    expect(passwordIssue(signUpSchema.safeParse({ ...person, password: "rosaparks2024" }))).toMatch(/too easy to guess/);
  });

  it("accepts a passphrase and keeps the length rule", () => {
    expect(passwordIssue(signUpSchema.safeParse({ ...person, password: "violet kettle marathon" }))).toBeNull();
    expect(passwordIssue(signUpSchema.safeParse({ ...person, password: "x7#Qp" }))).toBe("Use at least 10 characters.");
  });

  it("applies to reset and change of password too", () => {
    expect(passwordIssue(resetPasswordSchema.safeParse({ token: "t", password: "password1234", confirmPassword: "password1234" }))).toMatch(/too easy/);
    expect(passwordIssue(changePasswordSchema.safeParse({ currentPassword: "x", password: "password1234", confirmPassword: "password1234" }))).toMatch(/too easy/);
  });
});
