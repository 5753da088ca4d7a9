/** What the code says about a flag: what it is for, and whether client components read it. */
export type FlagDefinition = {
  /** Shown in /admin/flags; the first description becomes the row's, which admins may then edit. */
  description: string;
  /** Evaluated by the organization layout and handed to client components (`useFlag`). */
  client?: boolean;
};

/**
 * Every feature flag, by key (`area.name`). A key used anywhere else must be listed here, so a typo is a type
 * error; its row in `feature_flags` is created the first time a snapshot is built, off for everyone until an admin
 * turns it on in /admin/flags. Removing a flag: delete its uses, then its entry here (its row is left, unused).
 */
export const flags = {
  "projects.quick_filter": {
    description: "Beta: a filter box above the projects list that narrows it by name and description as you type.",
    client: true,
  },
} as const satisfies Record<string, FlagDefinition>;

/** A flag's key; `isEnabled("unknown")` does not compile. */
export type FlagKey = keyof typeof flags;

/** The flags client components may read (`client: true`). */
export type ClientFlagKey = { [K in FlagKey]: (typeof flags)[K] extends { client: true } ? K : never }[FlagKey];

/** Every flag key, in the registry's order. */
export const flagKeys = Object.keys(flags) as FlagKey[];

/** The keys of flags client components read. */
export const clientFlagKeys = flagKeys.filter((key): key is ClientFlagKey => (flags[key] as FlagDefinition).client === true);

/** Whether a string is a key of the registry. */
export function isFlagKey(key: string): key is FlagKey {
  return Object.hasOwn(flags, key);
}
