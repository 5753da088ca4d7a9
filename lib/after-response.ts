import { after } from "next/server";

/** Runs `work` after the response when inside a Next request, right away (not awaited) otherwise. */
export function afterResponse(work: () => Promise<void>): void {
  try {
    after(work);
  } catch {
    void work().catch(() => {});
  }
}
