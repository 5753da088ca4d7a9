// npm run db:seed - the demo data of DESIGN.md (development only; idempotent).
import { closeDatabase } from "@/db/client";
import { runCli } from "./cli";
import { seedDemoData } from "./seed";
import { seedDemoHistory } from "./seed-history";

await runCli("db:seed", async () => {
  const added = await seedDemoData();
  console.log(added ? `db:seed: added ${added} demo rows` : "db:seed: demo data already present");
  const orgs = await seedDemoHistory();
  console.log(orgs ? `db:seed: added 18 months of history for ${orgs} organizations and aggregated it (see /admin)` : "db:seed: demo history already present; figures re-aggregated");
  await closeDatabase();
});
