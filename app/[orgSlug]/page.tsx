import { redirect } from "next/navigation";
import { orgPage } from "@/lib/org-page";

/** An organization's home is its projects. */
export default orgPage({}, ({ org }) => redirect(`/${org.slug}/projects`));
