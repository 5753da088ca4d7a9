import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { adminPage } from "@/lib/admin/admin-page";
import { loadUserDetail } from "@/lib/admin/load-users";
import { describeDevice } from "@/lib/auth/describe-device";
import { betterPlan } from "@/lib/plans";
import { Cell, DataTable, Section } from "../../_components/data-table";
import { formatDay, formatWhen } from "../../_components/format";
import { RecentActivity } from "../../_components/recent-activity";
import { UserBadges } from "../../_components/user-badges";
import { UserAdminActions } from "./_components/user-admin-actions";

export const metadata: Metadata = { title: "User · Admin" };

/** One person: memberships, sessions, recent audit entries, and what an admin can do about them. */
export default adminPage(
  {
    name: "user detail",
    load: (tx, { params }: { params: { id: string } }) => loadUserDetail(tx, params.id),
  },
  ({ data, session }) => {
    if (!data) notFound();
    const { user, memberships, sessions, audit } = data;
    return (
      <div className="grid gap-8">
        <div className="grid gap-2">
          <Link href="/admin/users" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
            ← Users
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight break-all">{user.email}</h1>
            <UserBadges isPlatformAdmin={user.isPlatformAdmin} disabled={Boolean(user.disabledAt)} />
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-muted-foreground">Name</dt>
            <dd>{user.name ?? "—"}</dd>
            <dt className="text-muted-foreground">Signed up</dt>
            <dd>{formatWhen(user.createdAt)}</dd>
            <dt className="text-muted-foreground">Email verified</dt>
            <dd>{user.emailVerified ? formatWhen(user.emailVerified) : "Not yet"}</dd>
            <dt className="text-muted-foreground">Password</dt>
            <dd>{user.hasPassword ? "Set" : "None (sign-in links or OAuth)"}</dd>
            {user.disabledAt ? (
              <>
                <dt className="text-muted-foreground">Disabled</dt>
                <dd>{formatWhen(user.disabledAt)}</dd>
              </>
            ) : null}
          </dl>
        </div>

        <UserAdminActions target={{ id: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin, disabled: Boolean(user.disabledAt), isSelf: user.id === session.user.id }} />

        <Section title="Organizations">
          <DataTable
            label="Organizations"
            columns={[{ label: "Organization" }, { label: "Role" }, { label: "Plan" }, { label: "Joined", wide: true }]}
            empty={memberships.length === 0 ? "Not a member of any organization." : undefined}
          >
            {memberships.map((m) => (
              <tr key={m.orgId}>
                <Cell>
                  <Link href={`/admin/orgs/${m.orgId}`} className="font-medium underline-offset-4 hover:underline">
                    {m.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">/{m.slug}</div>
                </Cell>
                <Cell className="capitalize">{m.role}</Cell>
                <Cell>{betterPlan(m.plan, m.compPlan).name}</Cell>
                <Cell wide>{formatDay(m.joinedAt)}</Cell>
              </tr>
            ))}
          </DataTable>
        </Section>

        <Section title="Sessions" description="Live sessions, most recently used first.">
          <DataTable
            label="Sessions"
            columns={[{ label: "Device" }, { label: "Last seen" }, { label: "Expires", wide: true }, { label: "IP", wide: true }]}
            empty={sessions.length === 0 ? "No live sessions." : undefined}
          >
            {sessions.map((s) => (
              <tr key={s.id}>
                <Cell>
                  {s.userAgent ? describeDevice(s.userAgent).label : "Unknown device"}
                  {s.impersonatorId ? (
                    <Badge variant="outline" className="ml-2">
                      Impersonation
                    </Badge>
                  ) : null}
                </Cell>
                <Cell className="whitespace-nowrap">{formatWhen(s.lastSeenAt)}</Cell>
                <Cell wide>{formatWhen(s.expires)}</Cell>
                <Cell wide>{s.ip ?? "—"}</Cell>
              </tr>
            ))}
          </DataTable>
        </Section>

        <RecentActivity description="Audit entries by or about this person, newest first." entries={audit} />
      </div>
    );
  },
);
