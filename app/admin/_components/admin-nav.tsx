import { NavLink } from "@/components/nav-link";

const links = [
  { href: "/admin", label: "Metrics", exact: true },
  { href: "/admin/users", label: "Users", exact: false },
  { href: "/admin/orgs", label: "Organizations", exact: false },
  { href: "/admin/flags", label: "Feature flags", exact: false },
  { href: "/admin/system", label: "System", exact: false },
];

/** The admin console's navigation: a row of tabs on small screens, a column beside the page from `md` up. */
export function AdminNav() {
  return (
    <nav aria-label="Admin">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href} exact={link.exact} variant="side">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
