import type { Db } from "@/db/client";

export class CliError extends Error {}

export type CommandResult = { text: string; data: unknown };

export type Command = {
  name: string;
  summary: string;
  options: { flag: string; value?: string; description: string; required?: boolean }[];
  run: (db: Db, options: Options) => Promise<CommandResult>;
};

export type Options = {
  get(flag: string): string | undefined;
  require(flag: string): string;
  has(flag: string): boolean;
};

/** `name --flag value --switch`, with `--json` and `--help` understood everywhere. */
export function parseCommandLine(argv: string[]) {
  const values = new Map<string, string | true>();
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const next = argv[i + 1];
      if (inline !== undefined) values.set(flag, inline);
      else if (next !== undefined && !next.startsWith("--")) values.set(flag, argv[++i]);
      else values.set(flag, true);
    } else if (!name) {
      name = arg;
    } else {
      throw new CliError(`unexpected argument "${arg}"`);
    }
  }
  const options: Options = {
    get: (flag) => {
      const value = values.get(flag);
      if (value === true) throw new CliError(`--${flag} needs a value`);
      return value;
    },
    require: (flag) => {
      const value = options.get(flag);
      if (value === undefined || value === "") throw new CliError(`--${flag} is required`);
      return value;
    },
    has: (flag) => values.has(flag),
  };
  return { name, options, json: values.has("json"), help: values.has("help") };
}

export function usage(commands: Command[], name?: string): string {
  const one = commands.find((c) => c.name === name);
  if (one) {
    const lines = one.options.map(
      (o) => `  --${o.flag}${o.value ? ` <${o.value}>` : ""}${o.required ? "" : " (optional)"}\n      ${o.description}`,
    );
    return `npm run admin -- ${one.name} [options] [--json]\n\n${one.summary}\n\n${lines.join("\n")}\n`;
  }
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `npm run admin -- <command> [options] [--json]\n\nCommands:\n${list}\n\nRun a command with --help for its options.\n`;
}

/** Rejects unknown options so a typo never silently does something else. */
export function assertKnownOptions(command: Command, argv: string[]): void {
  const known = new Set(["json", "help", ...command.options.map((o) => o.flag)]);
  for (const arg of argv) {
    if (!arg.startsWith("--")) continue;
    const flag = arg.slice(2).split("=")[0];
    if (!known.has(flag)) throw new CliError(`unknown option --${flag} for ${command.name}`);
  }
}
