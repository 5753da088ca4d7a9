import { redirect } from "next/navigation";

/** An organization's home is its projects. */
export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  redirect(`/${orgSlug}/projects`);
}
