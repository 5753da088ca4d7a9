import { NavLink } from "@/components/nav-link";

/** A link of a side navigation; `exact` for a section's root, which every other link's path starts with. */
export type SideNavLink = { href: string; label: string; exact?: boolean };

/** A section's sub-navigation (settings, account, admin): a row of tabs that scrolls on small screens, a column from `md` up. */
export function SideNav({ label, links }: { label: string; links: SideNavLink[] }) {
  return (
    <nav aria-label={label} className="min-w-0">
      <ul className="relative -mx-1 flex gap-1 overflow-x-auto px-1 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0">
        {links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href} exact={link.exact ?? false} variant="side">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
