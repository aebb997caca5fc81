/**
 * The admin CLI for support staff and automation: `npm run admin -- <command> [options]`.
 * Errors are one line on stderr and a non-zero exit; --json prints machine-readable output.
 */
import { getDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import { commands } from "./admin/commands";
import { assertKnownOptions, CliError, parseCommandLine, usage } from "./admin/cli";

async function main(argv: string[]): Promise<number> {
  const { name, options, json, help } = parseCommandLine(argv);
  if (help || !name) {
    process.stdout.write(usage(commands, name));
    return name || help ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}"; run with --help to list the commands`);
  assertKnownOptions(command, argv);
  const database = await getDatabase();
  try {
    const result = await command.run(database.db, options);
    process.stdout.write(json ? `${JSON.stringify(result.data, null, 2)}\n` : `${result.text}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof AppError && error.field
        ? `${error.field}: ${error.message}`
        : error instanceof CliError || error instanceof AppError
          ? error.message
          : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(error instanceof CliError || error instanceof AppError ? 2 : 1);
  },
);
