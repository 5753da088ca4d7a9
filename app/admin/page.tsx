import type { Metadata } from "next";
import { adminPage } from "@/lib/admin/admin-page";

export const metadata: Metadata = { title: "Admin" };

// Replaced by the metrics page (issue 9, item 3).
export default adminPage({ name: "metrics" }, ({ session }) => (
  <div className="grid gap-2">
    <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
    <p className="text-muted-foreground">Signed in as {session.user.email}.</p>
  </div>
));
