// npm run db:migrate - apply pending migrations to DATABASE_URL.
import { migrateDatabase } from "@/db/migrate";
import { parseDatabaseUrl, redactUrl } from "@/db/url";
import { runCli } from "./cli";

await runCli("db:migrate", async () => {
  const url = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(url);
  console.log(`db:migrate: ${redactUrl(url)} is up to date`);
});
