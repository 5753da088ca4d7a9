import { vi } from "vitest";
import { reloadEnv } from "@/lib/env";

/** Sets an environment variable for this test file, and makes lib/env read the environment again. */
export function stubEnv(name: string, value: string): void {
  vi.stubEnv(name, value);
  reloadEnv();
}

/** Restores every variable `stubEnv` changed. */
export function unstubAllEnvs(): void {
  vi.unstubAllEnvs();
  reloadEnv();
}
