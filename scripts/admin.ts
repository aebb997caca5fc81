/**
 * The admin CLI for support staff and automation: `npm run admin -- <command> [options]`.
 * Errors are one line on stderr and a non-zero exit; --json prints machine-readable output.
 * With DATABASE_URL it connects to PostgreSQL. On the embedded database it takes the folder's
 * lock itself, or, while the app holds it, hands the command to the app (scripts/admin/channel.ts).
 */
import { getDatabase } from "@/db/client";
import { isEmbeddedDatabaseHeld } from "@/db/embedded-lock";
import { env } from "@/lib/env";
import { askOwner } from "./admin/channel";
import { commands } from "./admin/commands";
import { describeError, parseCommandLine, resolveSecret, runCommand, usage, type CommandResult, type Values } from "./admin/cli";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function execute(name: string, values: Values): Promise<CommandResult> {
  let database;
  try {
    database = await getDatabase();
  } catch (error) {
    if (isEmbeddedDatabaseHeld(error)) return askOwner(env().DATA_DIR, { command: name, values });
    throw error;
  }
  try {
    return await runCommand(database.db, commands, name, values);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv, commands);
  if (line.help) {
    process.stdout.write(usage(commands, line.command?.name));
    return argv.length ? 0 : 1;
  }
  const values = await resolveSecret(line.command, line.values, process.env, readStdin);
  const result = await execute(line.command.name, values);
  process.stdout.write(line.json ? `${JSON.stringify(result.data, null, 2)}\n` : `${result.text}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const { message, exitCode } = describeError(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(exitCode);
  },
);
