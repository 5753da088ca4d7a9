import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrgRole } from "@/db/schema";
import { orgPage } from "@/lib/org-page";
import { listMembersPage } from "@/lib/orgs/list-members";
import { can } from "@/lib/orgs/permissions";
import { InvitationActions, InviteForm, LeaveOrgButton, RemoveMemberButton, RoleForm, TransferOwnershipForm } from "./_components/member-forms";

export const metadata: Metadata = { title: "Members" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const roleVariant = { owner: "default", admin: "secondary", member: "outline" } as const;

/** Members and pending invitations; management controls only for roles that have the permission. */
export default orgPage({ load: (tx, { org }) => listMembersPage(tx, org) }, ({ org, data: { members, invitations } }) => {
  const isOwner = org.role === "owner";
  // Admins manage admins and members; only owners touch owners.
  const grantable: OrgRole[] = isOwner ? ["owner", "admin", "member"] : ["admin", "member"];
  const canInvite = can(org.role, "members:invite");
  const canChangeRoles = can(org.role, "members:update-role");
  const canRemove = can(org.role, "members:remove");

  return (
    <div className="grid gap-6">
      {canInvite ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite a member</CardTitle>
            <CardDescription>They get an email with a link that works for 7 days.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm slug={org.slug} roles={grantable} />
          </CardContent>
        </Card>
      ) : null}

      <Card className="pb-0">
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>{members.length === 1 ? "1 person has access." : `${members.length} people have access.`}</CardDescription>
        </CardHeader>
        <CardContent className="px-0">
          <ul aria-label="Members" className="divide-y border-t">
            {members.map((m) => {
              const self = m.userId === org.userId;
              const name = m.user.name ?? m.user.email;
              const manageable = !self && (isOwner || m.role !== "owner");
              return (
                <li key={m.id} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center">
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">
                      {name}
                      {self ? <span className="ml-2 text-xs font-normal text-muted-foreground">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-muted-foreground">{m.user.email}</p>
                    <p className="text-xs text-muted-foreground">Joined {dateFormat.format(m.joinedAt)}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {canChangeRoles && manageable ? (
                      <RoleForm slug={org.slug} userId={m.userId} role={m.role} roles={grantable} name={name} />
                    ) : (
                      <Badge variant={roleVariant[m.role]} className="capitalize">
                        {m.role}
                      </Badge>
                    )}
                    {canRemove && manageable ? <RemoveMemberButton slug={org.slug} userId={m.userId} name={name} orgName={org.name} /> : null}
                    {self ? <LeaveOrgButton slug={org.slug} orgName={org.name} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </CardContent>
      </Card>

      {canInvite ? (
        <Card className={invitations.length ? "pb-0" : undefined}>
          <CardHeader>
            <CardTitle>Pending invitations</CardTitle>
            <CardDescription>Resending makes a new link; the old one stops working.</CardDescription>
          </CardHeader>
          <CardContent className="px-0">
            {invitations.length === 0 ? (
              <p className="border-t px-6 pt-4 text-sm text-muted-foreground">No pending invitations.</p>
            ) : (
              <ul aria-label="Pending invitations" className="divide-y border-t">
                {invitations.map((i) => {
                  const { expired } = i;
                  return (
                    <li key={i.id} className="flex flex-col gap-2 px-6 py-4 sm:flex-row sm:items-center">
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-medium">{i.email}</p>
                        <p className="text-xs text-muted-foreground">
                          <span className="capitalize">{i.role}</span> · invited by {i.invitedBy?.name ?? i.invitedBy?.email ?? "a former member"} ·{" "}
                          {expired ? (
                            <span className="text-destructive">expired {dateFormat.format(i.expiresAt)}</span>
                          ) : (
                            <>expires {dateFormat.format(i.expiresAt)}</>
                          )}
                        </p>
                      </div>
                      {isOwner || i.role !== "owner" ? <InvitationActions slug={org.slug} invitationId={i.id} email={i.email} /> : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}

      {isOwner ? (
        <Card>
          <CardHeader>
            <CardTitle>Transfer ownership</CardTitle>
            <CardDescription>Make another member an owner. An organization always keeps at least one owner.</CardDescription>
          </CardHeader>
          <CardContent>
            <TransferOwnershipForm
              slug={org.slug}
              candidates={members
                .filter((m) => m.userId !== org.userId && m.role !== "owner")
                .map((m) => ({ userId: m.userId, label: `${m.user.name ?? m.user.email} (${m.user.email})` }))}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
});
