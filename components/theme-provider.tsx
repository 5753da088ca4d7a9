"use client";

import { HeadManagerContext } from "next/dist/shared/lib/head-manager-context.shared-runtime";
import { ThemeProvider as NextThemesProvider } from "next-themes";
import { useContext, type ComponentProps } from "react";

/**
 * Light, dark or system theme, stored per browser; the `dark` class on <html> switches the tokens.
 * next-themes renders an inline script (the theme is set before first paint). While Next renders a dynamic page it
 * puts the request's CSP nonce in this context, the one `next/script` reads: the script carries it, as the policy
 * requires. A prerendered page has no nonce, and its policy allows the script by hash (lib/security/csp.ts).
 */
export function ThemeProvider(props: ComponentProps<typeof NextThemesProvider>) {
  const { nonce } = useContext(HeadManagerContext);
  return <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce} {...props} />;
}
