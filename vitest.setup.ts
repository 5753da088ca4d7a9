import { inject } from "vitest";

// Every test file talks to the run's own database (see vitest.global-setup.ts), never to DATABASE_URL itself.
process.env.DATABASE_URL = inject("databaseUrl");
if (inject("embeddedDatabase")) process.env.KEEL_EMBEDDED_DB = "1";
