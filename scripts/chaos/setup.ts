/**
 * Prepares a database through the product's own surface, the admin CLI, while no server
 * runs: two tenants, each with an integration. Acme's is the one under test; Globex's token
 * is the "valid token of another tenant" the fuzzer sends to Acme's URL.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Target } from "./databases";
import { serverEnv } from "./server";

export type Installed = { integrationId: string; tenantUrl: string; appKey: string; token: string };
export type Installation = { acme: Installed; globex: Installed };

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

function admin(target: Target, port: number, args: string[]): unknown {
  const env = serverEnv({ port, dataDir: target.dataDir, databaseUrl: target.databaseUrl });
  try {
    const out = execFileSync(TSX, ["scripts/admin.ts", ...args, "--json"], { env, stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 });
    return JSON.parse(out.toString());
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`admin CLI ${args[0]} failed: ${stderr || String(error)}`);
  }
}

export function install(target: Target, port: number): Installation {
  admin(target, port, ["tenant:create", "--slug", "acme", "--name", "Acme Corp"]);
  admin(target, port, ["tenant:create", "--slug", "globex", "--name", "Globex"]);
  const acme = admin(target, port, ["integration:create", "--tenant", "acme", "--provider", "entra"]) as Installed;
  const globex = admin(target, port, ["integration:create", "--tenant", "globex", "--provider", "okta"]) as Installed;
  return { acme, globex };
}
