// A local fake of the few Stripe API endpoints Keel calls, for tests, benchmarks and the end-to-end server. The real
// `stripe` SDK talks to it (host/port/protocol options, through UNSAFE_STRIPE_API_URL), and the events it sends are
// signed with the SDK's own `webhooks.generateTestHeaderString`, so Keel's verification is the real one.
// It keeps state in memory and implements only what Keel uses; anything else answers 404 with Stripe's error shape.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { billingIntervals, paidPlans, priceLookupKey, unitPriceCents } from "@/lib/plans";

type Obj = Record<string, unknown> & { id: string };
type Params = Record<string, unknown>;

/** Stripe's form encoding (`items[0][price]=x&expand[]=y`) as nested objects and arrays. */
export function parseStripeForm(body: string): Params {
  const root: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: Params | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(parts[i + 1]!);
      const key = part === "" && Array.isArray(node) ? node.length : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else {
        container[key] ??= nextIsIndex ? [] : {};
        node = container[key] as Params | unknown[];
      }
    });
  }
  return root;
}

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;
let counter = 0;
const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 8)}`;

export type StripeFakeOptions = {
  /** Signs the events it sends. */
  webhookSecret: string;
  /** Where it delivers events (Keel's /api/webhooks/stripe); without it events are only recorded. */
  webhookUrl?: string;
  port?: number;
  /** Checkout starts subscriptions without their trial (the end-to-end journey wants a paid first invoice). */
  skipTrials?: boolean;
};

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;

/** Starts the fake on 127.0.0.1 (a random port unless given). */
export async function startStripeFake(options: StripeFakeOptions) {
  const signer = new Stripe("sk_test_fake_signer");
  const customers = new Map<string, Obj>();
  const products = new Map<string, Obj>();
  const prices = new Map<string, Obj>();
  const sessions = new Map<string, Obj>();
  const subscriptions = new Map<string, Obj>();
  const invoices = new Map<string, Obj>();
  const paymentMethods = new Map<string, Obj>();
  /** Every API call, for assertions: method, path, parsed params and idempotency key. */
  const calls: Array<{ method: string; path: string; params: Params; idempotencyKey?: string }> = [];
  /** Every event it made, in order. */
  const events: Obj[] = [];
  const idempotent = new Map<string, string>();
  let invoiceNumber = 1;
  let base = "";

  const list = (data: Obj[], url: string) => ({ object: "list", data, has_more: false, url });
  const priceOf = (id: string) => prices.get(id)!;

  function expandSubscription(sub: Obj, expand: string[]): Obj {
    const pm = sub.default_payment_method as string | null;
    return expand.some((e) => e.endsWith("default_payment_method")) && pm ? { ...sub, default_payment_method: paymentMethods.get(pm) ?? pm } : sub;
  }

  /** Makes a signed event of `type` about `object`: the exact bytes and header Stripe would send. */
  function event(type: string, object: Obj) {
    const evt = { id: newId("evt"), object: "event", api_version: "2026-10-28.endive", created: now(), livemode: false, type, data: { object: structuredClone(object) } };
    events.push(evt);
    const payload = JSON.stringify(evt);
    return { id: evt.id, payload, header: signer.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret }) };
  }

  /** Posts a signed event to `url` (default: the configured webhook URL); returns the response status. */
  async function deliver(e: { payload: string; header: string }, url = options.webhookUrl): Promise<number> {
    if (!url) return 0;
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": e.header }, body: e.payload });
    await response.arrayBuffer();
    return response.status;
  }

  function sendLater(type: string, object: Obj) {
    const e = event(type, object);
    if (options.webhookUrl) setImmediate(() => void deliver(e).catch(() => {}));
  }

  /** Creates a subscription as Checkout would (and its first invoice, paid unless trialing). */
  function createSubscription(input: { customer: string; price: string; quantity?: number; trialDays?: number; metadata?: Params; status?: string }) {
    const trialEnd = input.trialDays ? now() + input.trialDays * DAY : null;
    const price = priceOf(input.price);
    const periodDays = (price.recurring as { interval: string }).interval === "year" ? 365 : 30;
    const pm: Obj = { id: newId("pm"), object: "payment_method", type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 } };
    paymentMethods.set(pm.id, pm);
    const sub: Obj = {
      id: newId("sub"),
      object: "subscription",
      customer: input.customer,
      status: input.status ?? (trialEnd ? "trialing" : "active"),
      cancel_at_period_end: false,
      canceled_at: null,
      trial_end: trialEnd,
      created: now(),
      default_payment_method: pm.id,
      metadata: input.metadata ?? {},
      items: {
        object: "list",
        data: [{ id: newId("si"), object: "subscription_item", price, quantity: input.quantity ?? 1, current_period_start: now(), current_period_end: trialEnd ?? now() + periodDays * DAY }],
      },
    };
    subscriptions.set(sub.id, sub);
    const invoice = createInvoice(sub);
    return { subscription: sub, invoice };
  }

  function createInvoice(sub: Obj): Obj {
    const item = (sub.items as { data: Array<{ price: Obj; quantity: number; current_period_start: number; current_period_end: number }> }).data[0]!;
    const amount = sub.status === "trialing" ? 0 : (item.price.unit_amount as number) * item.quantity;
    const product = products.get(item.price.product as string);
    const invoice: Obj = {
      id: newId("in"),
      object: "invoice",
      customer: sub.customer,
      number: `KEEL-${String(invoiceNumber++).padStart(4, "0")}`,
      currency: "usd",
      status: "paid",
      subtotal: amount,
      total: amount,
      amount_paid: amount,
      total_taxes: [],
      period_start: item.current_period_start,
      period_end: item.current_period_end,
      created: now(),
      status_transitions: { paid_at: now() },
      parent: { type: "subscription_details", subscription_details: { subscription: sub.id } },
      lines: {
        object: "list",
        data: [{ id: newId("il"), description: `${item.quantity} × ${product?.name ?? "Keel"} (at ${(item.price.unit_amount as number) / 100} / ${(item.price.recurring as { interval: string }).interval})`, quantity: item.quantity, amount, period: { start: item.current_period_start, end: item.current_period_end } }],
      },
    };
    invoices.set(invoice.id, invoice);
    return invoice;
  }

  /** Changes a subscription as if in Stripe's dashboard (status, quantity, cancellation): no event is sent. */
  function setSubscription(id: string, patch: { status?: string; quantity?: number; cancel_at_period_end?: boolean; price?: string }) {
    const sub = subscriptions.get(id);
    if (!sub) throw new Error(`no subscription ${id}`);
    const item = (sub.items as { data: Array<Record<string, unknown>> }).data[0]!;
    if (patch.status) sub.status = patch.status;
    if (patch.cancel_at_period_end !== undefined) sub.cancel_at_period_end = patch.cancel_at_period_end;
    if (patch.quantity !== undefined) item.quantity = patch.quantity;
    if (patch.price) item.price = priceOf(patch.price);
    return sub;
  }

  const routes: Array<[string, RegExp, (m: RegExpExecArray, params: Params, query: URLSearchParams) => unknown]> = [
    ["POST", /^\/v1\/customers$/, (_m, p) => {
      const c: Obj = { id: newId("cus"), object: "customer", email: p.email ?? null, name: p.name ?? null, metadata: p.metadata ?? {}, created: now() };
      customers.set(c.id, c);
      return c;
    }],
    ["GET", /^\/v1\/customers\/([^/]+)$/, (m) => customers.get(m[1]!)],
    ["GET", /^\/v1\/products$/, (_m, _p, q) => list([...products.values()].filter((p) => !q.get("ids[0]") || [...q.entries()].some(([k, v]) => k.startsWith("ids") && v === p.id)), "/v1/products")],
    ["GET", /^\/v1\/products\/([^/]+)$/, (m) => products.get(m[1]!)],
    ["POST", /^\/v1\/products$/, (_m, p) => {
      const id = (p.id as string) ?? newId("prod");
      if (products.has(id)) return { status: 400, error: { type: "invalid_request_error", code: "resource_already_exists", message: `Product already exists: ${id}` } };
      const product: Obj = { id, object: "product", name: p.name, description: p.description ?? null, active: true, metadata: p.metadata ?? {} };
      products.set(id, product);
      return product;
    }],
    ["POST", /^\/v1\/products\/([^/]+)$/, (m, p) => {
      const product = products.get(m[1]!);
      if (product) Object.assign(product, { name: p.name ?? product.name, description: p.description ?? product.description, metadata: { ...(product.metadata as Params), ...((p.metadata as Params) ?? {}) } });
      return product;
    }],
    ["GET", /^\/v1\/prices$/, (_m, _p, q) => {
      const keys = [...q.entries()].filter(([k]) => k.startsWith("lookup_keys")).map(([, v]) => v);
      const active = q.get("active");
      return list([...prices.values()].filter((p) => (keys.length === 0 || keys.includes(p.lookup_key as string)) && (active === null || String(p.active) === active)), "/v1/prices");
    }],
    ["POST", /^\/v1\/prices$/, (_m, p) => {
      const recurring = p.recurring as { interval: string };
      if (p.transfer_lookup_key === "true") for (const other of prices.values()) if (other.lookup_key === p.lookup_key) other.lookup_key = null;
      const price: Obj = { id: newId("price"), object: "price", product: p.product, currency: p.currency, unit_amount: Number(p.unit_amount), recurring: { interval: recurring.interval }, lookup_key: p.lookup_key ?? null, active: true, metadata: p.metadata ?? {}, type: "recurring" };
      prices.set(price.id, price);
      return price;
    }],
    ["POST", /^\/v1\/prices\/([^/]+)$/, (m, p) => {
      const price = prices.get(m[1]!);
      if (price && p.active !== undefined) price.active = p.active === "true";
      return price;
    }],
    ["POST", /^\/v1\/checkout\/sessions$/, (_m, p) => {
      const id = newId("cs");
      const s: Obj = { id, object: "checkout.session", url: `${base}/checkout/${id}`, status: "open", mode: p.mode, customer: p.customer, client_reference_id: p.client_reference_id ?? null, success_url: p.success_url, cancel_url: p.cancel_url, line_items: p.line_items, subscription_data: p.subscription_data ?? {}, metadata: p.metadata ?? {}, subscription: null };
      sessions.set(id, s);
      return s;
    }],
    ["POST", /^\/v1\/billing_portal\/sessions$/, (_m, p) => ({ id: newId("bps"), object: "billing_portal.session", customer: p.customer, return_url: p.return_url, url: `${base}/portal?return=${encodeURIComponent(String(p.return_url))}` })],
    ["GET", /^\/v1\/subscriptions$/, (_m, _p, q) => {
      const customer = q.get("customer");
      const status = q.get("status");
      const expand = [...q.entries()].filter(([k]) => k.startsWith("expand")).map(([, v]) => v);
      const found = [...subscriptions.values()]
        .filter((s) => (!customer || s.customer === customer) && (status === "all" || (status ? s.status === status : s.status !== "canceled")))
        .sort((a, b) => (b.created as number) - (a.created as number));
      return list(found.map((s) => expandSubscription(s, expand)), "/v1/subscriptions");
    }],
    ["GET", /^\/v1\/subscriptions\/([^/]+)$/, (m, _p, q) => {
      const sub = subscriptions.get(m[1]!);
      return sub && expandSubscription(sub, [...q.entries()].filter(([k]) => k.startsWith("expand")).map(([, v]) => v));
    }],
    ["POST", /^\/v1\/subscriptions\/([^/]+)$/, (m, p) => {
      const sub = subscriptions.get(m[1]!);
      if (!sub) return undefined;
      const items = p.items as Array<{ id?: string; quantity?: string; price?: string }> | undefined;
      setSubscription(sub.id, {
        quantity: items?.[0]?.quantity !== undefined ? Number(items[0].quantity) : p.quantity !== undefined ? Number(p.quantity) : undefined,
        price: items?.[0]?.price,
        cancel_at_period_end: p.cancel_at_period_end === undefined ? undefined : p.cancel_at_period_end === "true",
      });
      sendLater("customer.subscription.updated", sub);
      return sub;
    }],
    ["GET", /^\/v1\/invoices\/([^/]+)$/, (m) => invoices.get(m[1]!)],
    ["GET", /^\/v1\/invoices$/, (_m, _p, q) => list([...invoices.values()].filter((i) => i.customer === q.get("customer")), "/v1/invoices")],
  ];

  async function completeCheckout(id: string): Promise<string | null> {
    const s = sessions.get(id);
    if (!s || s.status !== "open") return null;
    const item = (s.line_items as Array<{ price: string; quantity?: string }>)[0]!;
    const data = s.subscription_data as { trial_period_days?: string; metadata?: Params };
    const trialDays = options.skipTrials ? 0 : Number(data.trial_period_days ?? 0);
    const { subscription, invoice } = createSubscription({ customer: s.customer as string, price: item.price, quantity: Number(item.quantity ?? 1), trialDays, metadata: data.metadata });
    Object.assign(s, { status: "complete", subscription: subscription.id, payment_status: "paid" });
    for (const [type, object] of [["customer.subscription.created", subscription], ["checkout.session.completed", s], ["invoice.paid", invoice]] as const) {
      await deliver(event(type, object));
    }
    return String(s.success_url).replace("{CHECKOUT_SESSION_ID}", id);
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const method = req.method ?? "GET";

    // The hosted pages a person would see: Checkout (one button) and the Customer Portal (a link back).
    const page = /^\/checkout\/([^/]+)(\/complete)?$/.exec(url.pathname);
    if (page) {
      const s = sessions.get(page[1]!);
      if (!s) return void res.writeHead(404).end("no such checkout session");
      if (page[2] && method === "POST") {
        const to = await completeCheckout(s.id);
        return void res.writeHead(303, { location: to ?? String(s.cancel_url) }).end();
      }
      const item = (s.line_items as Array<{ price: string; quantity?: string }>)[0]!;
      const price = priceOf(item.price);
      const product = products.get(price.product as string);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(`<!doctype html><html lang="en"><head><title>Stripe fake checkout</title></head><body><main>
<h1>Subscribe to ${product?.name ?? "Keel"}</h1><p>${item.quantity ?? 1} × $${(price.unit_amount as number) / 100} / ${(price.recurring as { interval: string }).interval}</p>
<form method="post" action="/checkout/${s.id}/complete"><button type="submit">Pay and subscribe</button></form>
<p><a href="${String(s.cancel_url)}">Cancel</a></p></main></body></html>`);
    }
    if (url.pathname === "/portal") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(`<!doctype html><html lang="en"><head><title>Stripe fake portal</title></head><body><h1>Customer portal</h1><a href="${url.searchParams.get("return") ?? "/"}">Return</a></body></html>`);
    }

    const params = method === "GET" ? {} : parseStripeForm(body);
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    calls.push({ method, path: url.pathname, params, idempotencyKey });
    const cacheKey = idempotencyKey ? `${method} ${url.pathname} ${idempotencyKey}` : null;
    const send = (status: number, payload: unknown) => {
      const text = JSON.stringify(payload);
      if (cacheKey && status < 500) idempotent.set(cacheKey, text);
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") }).end(text);
    };
    if (cacheKey && idempotent.has(cacheKey)) return void res.writeHead(200, { "content-type": "application/json", "idempotent-replayed": "true" }).end(idempotent.get(cacheKey));
    for (const [m, pattern, handler] of routes) {
      const match = m === method ? pattern.exec(url.pathname) : null;
      if (!match) continue;
      const result = handler(match, params, url.searchParams) as (Obj & { status?: number; error?: unknown }) | undefined;
      if (!result) return send(404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such object: ${url.pathname}` } });
      if (result.error) return send(result.status ?? 400, { error: result.error });
      return send(200, result);
    }
    send(404, { error: { type: "invalid_request_error", message: `The Stripe fake does not implement ${method} ${url.pathname}` } });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  /** Creates the products and prices of lib/plans.ts directly, as `npm run stripe:sync` would (for servers that start without it). */
  function seedCatalog() {
    for (const plan of paidPlans) {
      products.set(`keel_${plan.id}`, { id: `keel_${plan.id}`, object: "product", name: `Keel ${plan.name}`, description: plan.tagline, active: true, metadata: { keel_plan: plan.id } });
      for (const interval of billingIntervals) {
        const price: Obj = { id: newId("price"), object: "price", product: `keel_${plan.id}`, currency: "usd", unit_amount: unitPriceCents(plan, interval), recurring: { interval }, lookup_key: priceLookupKey(plan.id, interval), active: true, metadata: {}, type: "recurring" };
        prices.set(price.id, price);
      }
    }
  }

  return {
    seedCatalog,
    /** Base URL: set UNSAFE_STRIPE_API_URL to it. */
    url: base,
    port,
    customers,
    products,
    prices,
    sessions,
    subscriptions,
    invoices,
    calls,
    events,
    event,
    deliver,
    createSubscription,
    setSubscription,
    completeCheckout,
    /** The active price with this lookup key (after `npm run stripe:sync`-style setup). */
    priceByLookupKey: (key: string) => [...prices.values()].find((p) => p.lookup_key === key && p.active),
    setWebhookUrl: (url: string) => {
      options.webhookUrl = url;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
