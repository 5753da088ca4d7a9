import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/session";
import { ProfileForm } from "./_components/profile-form";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

/** A person's profile: display name and avatar. */
export default async function ProfilePage() {
  const session = await requireSession();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
        <p className="mt-1 text-sm text-muted-foreground">How you appear to the people in your organizations.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Your details</CardTitle>
          <CardDescription>Shown next to your changes in audit logs and member lists.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm user={session.user} action={updateProfileAction} />
        </CardContent>
      </Card>
    </div>
  );
}
