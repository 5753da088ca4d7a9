import { NavLink } from "@/components/nav-link";

const links = [
  { href: "/account", label: "Profile", exact: true },
  { href: "/account/security", label: "Security", exact: false },
  { href: "/account/data", label: "Data", exact: false },
];

/** The account pages' sub-navigation: a row of tabs on small screens, a column beside the page from `md` up. */
export function AccountNav() {
  return (
    <nav aria-label="Account">
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
