import { defineConfig } from "@playwright/test";

/**
 * Two servers of the built app, each on its own embedded database: `fresh` starts empty
 * (first-run setup), `seeded` is prepared through the admin CLI before it starts. Their ports
 * start at E2E_PORT_BASE (3101), so two checkouts can run the suite side by side.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3101);
const fresh = { port: base, dataDir: ".data-e2e-fresh" };
const seeded = { port: base + 1, dataDir: ".data-e2e-seeded" };
/** A server whose PostgreSQL never answers: nothing listens on port 1. */
const down = { port: base + 2, dataDir: ".data-e2e-down", databaseUrl: "postgres://nobody@127.0.0.1:1/none" };

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // Bounds that catch a hang, not a loaded machine: a sign-in hashes a password with Argon2id
  // and a page renders per request, each several seconds on a busy 2-core box.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: { ...chromium, baseURL: `http://localhost:${fresh.port}` } },
    { name: "console", testIgnore: /(first-run|database-down)\.spec\.ts/, use: { ...chromium, baseURL: `http://localhost:${seeded.port}` } },
    { name: "database-down", testMatch: /database-down\.spec\.ts/, use: { ...chromium, baseURL: `http://localhost:${down.port}` } },
  ],
  webServer: [
    {
      command: `npx tsx e2e/start-server.ts --port ${fresh.port} --data-dir ${fresh.dataDir}`,
      url: `http://localhost:${fresh.port}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
    {
      command: `npx tsx e2e/start-server.ts --port ${seeded.port} --data-dir ${seeded.dataDir} --seed`,
      url: `http://localhost:${seeded.port}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
    {
      command: `npx tsx e2e/start-server.ts --port ${down.port} --data-dir ${down.dataDir} --database-url ${down.databaseUrl}`,
      // Health answers 503 by design here; a static file says the server is up.
      url: `http://localhost:${down.port}/robots.txt`,
      reuseExistingServer: false,
      timeout: 600_000,
    },
  ],
});
