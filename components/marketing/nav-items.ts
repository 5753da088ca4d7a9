/** The marketing site's main navigation, shared by the desktop bar and the mobile menu. */
export const navItems = [
  { href: "/#features", label: "Features", id: "features" },
  { href: "/#architecture", label: "Architecture", id: "architecture" },
  { href: "/pricing", label: "Pricing", id: "pricing" },
  { href: "/docs", label: "Docs", id: "docs" },
] as const;

export type NavId = (typeof navItems)[number]["id"];
