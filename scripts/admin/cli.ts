import { parseArgs } from "node:util";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";

/** A refusal meant for the person at the terminal: one line, exit code 2 unless told. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export type CommandResult = { text: string; data: unknown };

export type Option = { flag: string; value?: string; description: string; required?: boolean };

/** A secret a command needs: read from standard input or the environment, never from argv. */
export type Secret = { name: string; stdinFlag: string; env: string; description: string };

export type Command = {
  name: string;
  summary: string;
  options: Option[];
  secret?: Secret;
  run: (db: Db, options: Options) => Promise<CommandResult>;
};

export type Options = {
  get(flag: string): string | undefined;
  require(flag: string): string;
  has(flag: string): boolean;
};

/** What a command runs with: option values by flag, a secret under its name. */
export type Values = Record<string, string | boolean>;

export type CommandLine = { help: true; command?: Command } | { help: false; command: Command; values: Values; json: boolean };

const globalOptions = { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

function secretOptions(command: Command): Option[] {
  const { secret } = command;
  return secret ? [{ flag: secret.stdinFlag, description: secret.description }] : [];
}

function parseStrict(command: Command | undefined, args: string[]) {
  const options = Object.fromEntries(
    [...(command?.options ?? []), ...(command ? secretOptions(command) : [])].map((o) => [
      o.flag,
      { type: o.value ? ("string" as const) : ("boolean" as const) },
    ]),
  );
  try {
    return parseArgs({ args, options: { ...options, ...globalOptions }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliError(describeParseError(error, command));
  }
}

function describeParseError(error: unknown, command: Command | undefined): string {
  const { code, message } = error as { code?: string; message: string };
  const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    if (command?.secret && unknown === `--${command.secret.name}`) {
      return `--${command.secret.name} is not taken on the command line (anyone can read it in ps): pipe it with --${command.secret.stdinFlag} or set ${command.secret.env}`;
    }
    return `unknown option ${unknown}${command ? ` for ${command.name}` : ""}`;
  }
  const positional = /Unexpected argument '([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" && positional) return `unexpected argument "${positional}"`;
  return message.split(". ")[0];
}

/** `<command> --flag value --switch`, strictly: a switch never takes the next word as its value. */
export function parseCommandLine(argv: string[], commands: Command[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith("-")) {
    parseStrict(undefined, argv);
    return { help: true };
  }
  const command = commands.find((c) => c.name === first);
  if (!command) throw new CliError(`unknown command "${first}"; run with --help to list the commands`);
  const { help, json, ...values } = parseStrict(command, rest);
  if (help) return { help: true, command };
  return { help: false, command, values: values as Values, json: json === true };
}

/** Turns a secret's --*-stdin switch or environment variable into the value the command takes. */
export async function resolveSecret(command: Command, values: Values, environment: Record<string, string | undefined>, readStdin: () => Promise<string>): Promise<Values> {
  const { secret } = command;
  if (!secret) return values;
  const { [secret.stdinFlag]: fromStdin, ...rest } = values;
  const value = fromStdin ? (await readStdin()).replace(/\r?\n$/, "") : environment[secret.env];
  if (!value) throw new CliError(`the ${secret.name} is required: pipe it with --${secret.stdinFlag} or set ${secret.env}`);
  return { ...rest, [secret.name]: value };
}

/** Checks values against the command's options again (they may come over the admin socket) and runs it. */
export async function runCommand(db: Db, commands: Command[], name: string, values: Values): Promise<CommandResult> {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}"`);
  const types = new Map(command.options.map((o) => [o.flag, o.value ? "string" : "boolean"]));
  if (command.secret) types.set(command.secret.name, "string");
  for (const [flag, value] of Object.entries(values)) {
    if (!types.has(flag)) throw new CliError(`unknown option --${flag} for ${command.name}`);
    if (typeof value !== types.get(flag) || value === false) throw new CliError(`--${flag} has a value of the wrong kind`);
  }
  const options: Options = {
    get: (flag) => values[flag] as string | undefined,
    require: (flag) => {
      const value = options.get(flag);
      if (value === undefined || value === "") throw new CliError(`--${flag} is required`);
      return value;
    },
    has: (flag) => values[flag] !== undefined,
  };
  return command.run(db, options);
}

/** The one line and exit code an error becomes: 2 for a refusal, 1 for anything unexpected. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AppError) {
    const { field, message } = error;
    const named = !field || message.toLowerCase().startsWith(`${field.toLowerCase()}:`);
    return { message: named ? message : `${field}: ${message}`, exitCode: 2 };
  }
  return { message: String(error), exitCode: 1 };
}

export function usage(commands: Command[], name?: string): string {
  const one = commands.find((c) => c.name === name);
  if (one) {
    const lines = [...one.options, ...secretOptions(one)].map(
      (o) => `  --${o.flag}${o.value ? ` <${o.value}>` : ""}${o.required ? "" : " (optional)"}\n      ${o.description}`,
    );
    return `npm run admin -- ${one.name} [options] [--json]\n\n${one.summary}\n\n${lines.join("\n")}\n`;
  }
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `npm run admin -- <command> [options] [--json]\n\nCommands:\n${list}\n\nRun a command with --help for its options.\n`;
}
