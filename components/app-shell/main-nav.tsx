import { NavLink } from "@/components/nav-link";
import type { AppNavLink } from "./nav-links";

/** The organization's sections, as a horizontal bar from `md` up. */
export function MainNav({ links }: { links: AppNavLink[] }) {
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href} variant="bar">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
