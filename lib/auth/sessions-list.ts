import { listUserSessions } from "@/db/queries/sessions";
import { withUser } from "@/db/tenant";
import { describeDevice } from "./describe-device";

/** One row of the sessions page: never the token, only its public id. */
export type DeviceSession = {
  id: string;
  browser: string;
  os: string;
  label: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** A person's unexpired sessions, this device's first, then most recently seen. */
export async function listDeviceSessions(userId: string, currentSessionId: string | null): Promise<DeviceSession[]> {
  const rows = await withUser(userId, listUserSessions);
  const now = Date.now();
  return rows
    .filter((r) => r.expires.getTime() > now)
    .map((r) => ({ id: r.id, ...describeDevice(r.userAgent), ip: r.ip, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, current: r.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

