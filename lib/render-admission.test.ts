import { describe, expect, it } from "vitest";
import { admitRender, createAdmission } from "./render-admission";

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  // Two turns of the microtask queue are enough for an already-granted slot to report.
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe("render admission", () => {
  it("lets `limit` requests in at once; the next waits until one is released, in arrival order", async () => {
    const admission = createAdmission(2);
    const a = admission.enter();
    const b = admission.enter();
    const c = admission.enter();
    const d = admission.enter();
    expect(await settled(a.ready)).toBe(true);
    expect(await settled(b.ready)).toBe(true);
    expect(await settled(c.ready)).toBe(false);
    expect([admission.active, admission.waiting]).toEqual([2, 2]);

    a.release();
    a.release(); // twice frees one slot, not two
    expect(await settled(c.ready)).toBe(true);
    expect(await settled(d.ready)).toBe(false);
    expect([admission.active, admission.waiting]).toEqual([2, 1]);
  });

  it("a request that ends while still queued leaves the queue instead of taking a slot it would never free", async () => {
    const admission = createAdmission(1);
    const a = admission.enter();
    const gone = admission.enter();
    const c = admission.enter();
    gone.release();
    expect(admission.waiting).toBe(1);
    a.release();
    expect(await settled(c.ready)).toBe(true);
    expect(await settled(gone.ready)).toBe(false);
    c.release();
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it("does nothing outside a request", async () => {
    await expect(admitRender()).resolves.toBeUndefined();
  });
});
