import { NavLink } from "@/components/nav-link";

/** The settings sections, as tabs on small screens and a side list from `md` up. */
export function SettingsNav({ links }: { links: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Settings">
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 md:mx-0 md:flex-col md:overflow-visible">
        {links.map((link, i) => (
          <li key={link.href}>
            {/* The first section is the settings root, which every other section's path starts with. */}
            <NavLink href={link.href} exact={i === 0} variant="side">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
