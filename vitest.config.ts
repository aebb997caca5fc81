import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const include = ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"];
// Migrates one database per project and run; createTestDb() hands each test file a copy.
const globalSetup = ["db/test-template.ts"];

/**
 * Every test file runs on the embedded database (PGlite). When TEST_DATABASE_URL names a
 * PostgreSQL server (as in CI), the same files run a second time against it.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    // The JSON log lines of the code under test; a test reading them sets its own logger.
    // Webhook tests deliver to a receiver on 127.0.0.1; refusal is tested with the allowance off.
    env: { LOG_LEVEL: "silent", WEBHOOKS_ALLOW_PRIVATE: "1" },
    // Bounds that catch a hang, not a slow machine: on a shared 2-core box under load, loading
    // a database took over 60 s and one large-group test over 30 s.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true as const, test: { name: "pglite", include, globalSetup, env: { TEST_DATABASE_URL: "" } } },
      // The CLI's smoke tests spawn it on its own embedded database: once is enough.
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { name: "postgres", include, globalSetup, exclude: ["scripts/admin.test.ts"] } }]
        : []),
    ],
  },
});
