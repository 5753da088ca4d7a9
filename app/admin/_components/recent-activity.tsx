import { Cell, DataTable, Section } from "./data-table";
import { formatWhen } from "./format";

/** An audit entry as the admin detail pages list it. */
export type ActivityEntry = { id: string; action: string; actorEmail: string | null; metadata: Record<string, unknown>; createdAt: Date };

/** The "Recent activity" section of a person's or an organization's admin page: their audit entries, newest first. */
export function RecentActivity({ description, entries }: { description: string; entries: ActivityEntry[] }) {
  return (
    <Section title="Recent activity" description={description}>
      <DataTable
        label="Recent activity"
        columns={[{ label: "When" }, { label: "Action" }, { label: "By" }, { label: "Details", wide: true }]}
        empty={entries.length === 0 ? "Nothing recorded yet." : undefined}
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <Cell className="whitespace-nowrap">{formatWhen(e.createdAt)}</Cell>
            <Cell>
              <code className="text-xs">{e.action}</code>
            </Cell>
            <Cell>{e.actorEmail ?? "System"}</Cell>
            <Cell wide className="max-w-md truncate text-xs text-muted-foreground">
              {typeof e.metadata.reason === "string" ? `Reason: ${e.metadata.reason}` : ""}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
