import type { ReactNode } from "react";
import { CenteredPage } from "@/components/centered-page";

/** Every sign-in, sign-up and recovery page stands alone in the centered frame. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <CenteredPage>{children}</CenteredPage>;
}
