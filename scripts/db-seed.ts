// npm run db:seed - the demo data of DESIGN.md (development only; idempotent).
import { closeDatabase } from "@/db/client";
import { runCli } from "./cli";
import { seedDemoData } from "./seed";

await runCli("db:seed", async () => {
  const added = await seedDemoData();
  console.log(added ? `db:seed: added ${added} demo rows` : "db:seed: demo data already present");
  await closeDatabase();
});
