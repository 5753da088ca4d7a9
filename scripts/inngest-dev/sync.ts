// In-band sync: a PUT to the serve endpoint that answers with the app's function configs
// (InngestCommHandler.js handleAction, method PUT, `x-inngest-sync-kind: in_band`).
import { HEADER, inBandSyncResponseSchema, toSerializedError } from "./protocol";

export type SyncResult =
  | { kind: "in_band"; appId: string; functions: unknown[] }
  /** The SDK registered out of band instead (INNGEST_ALLOW_IN_BAND_SYNC=false): it POSTed to our /fn/register. */
  | { kind: "out_of_band" };

export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncError";
  }
}

/** Syncs once; throws SyncError saying what to fix when the app is down or refuses. */
export async function syncApp(serveUrl: string, signal: AbortSignal): Promise<SyncResult> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(serveUrl, {
      method: "PUT",
      redirect: "manual",
      headers: { "content-type": "application/json", [HEADER.syncKind]: "in_band", [HEADER.serverKind]: "dev" },
      // The SDK requires a body with the URL it is reached at; its step URLs are built from it (inBandSyncRequestBodySchema).
      body: JSON.stringify({ url: serveUrl }),
      signal,
    });
    text = await res.text();
  } catch (err) {
    if (signal.aborted) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new SyncError(`app not reachable at ${serveUrl} (${cause?.code ?? cause?.message ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (res.status === 401) {
    throw new SyncError("the app refused the unsigned sync (401): its Inngest client is in cloud mode; set INNGEST_DEV to this executor's URL");
  }
  if (res.status !== 200) {
    throw new SyncError(`sync answered ${res.status}: ${toSerializedError(json, text.slice(0, 200) || "(empty body)").message}`);
  }
  if (json === undefined) throw new SyncError(`sync answered 200 with a non-JSON body; is ${serveUrl} the serve() route?`);
  if (res.headers.get(HEADER.syncKind) !== "in_band") return { kind: "out_of_band" };
  const body = inBandSyncResponseSchema.safeParse(json);
  if (!body.success) throw new SyncError(`sync answered an unexpected body: ${body.error.message}`);
  return { kind: "in_band", appId: body.data.app_id, functions: body.data.functions };
}
