import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { commands } from "./commands";
import { CliError, describeError, parseCommandLine, resolveSecret, usage } from "./cli";

const parse = (...argv: string[]) => parseCommandLine(argv, commands);
const userCreate = commands.find((c) => c.name === "user:create")!;

describe("admin CLI command line", () => {
  it("reads a command's options and --json", () => {
    const line = parse("tenant:create", "--slug", "acme", "--name=Acme Corp", "--json");
    expect(line).toMatchObject({ help: false, json: true, values: { slug: "acme", name: "Acme Corp" } });
    expect(line.command?.name).toBe("tenant:create");
  });

  it("gives a switch no value, so the next word is refused rather than swallowed", () => {
    expect(() => parse("integration:create", "--tenant", "acme", "--no-groups", "okta")).toThrow('unexpected argument "okta"');
    expect(() => parse("integration:create", "--tenant", "acme", "--lowercase=yes")).toThrow(/does not take an argument/);
    const line = parse("integration:create", "--no-groups", "--tenant", "acme", "--provider", "okta");
    expect(line).toMatchObject({ values: { "no-groups": true, tenant: "acme", provider: "okta" } });
  });

  it("refuses an option whose value is missing or looks like another option", () => {
    expect(() => parse("tenant:create", "--slug")).toThrow(/--slug <value>' argument missing/);
    expect(() => parse("tenant:create", "--slug", "--name", "x")).toThrow(/argument is ambiguous/);
  });

  it("takes a value that starts with a dash, such as a token hint, written --option=value", () => {
    expect(() => parse("token:revoke", "--token-hint", "-taH8I")).toThrow(/--token-hint=-XYZ/);
    expect(parse("token:revoke", "--token-hint=-taH8I")).toMatchObject({ values: { "token-hint": "-taH8I" } });
  });

  it.each([
    [["tenant:create", "--slug", "x1", "--colour", "red"], "unknown option --colour for tenant:create"],
    [["frobnicate"], 'unknown command "frobnicate"; run with --help to list the commands'],
    [["--verbose"], "unknown option --verbose"],
    [["tenant:create", "acme"], 'unexpected argument "acme"'],
  ])("refuses %j with one line", (argv, message) => {
    expect(() => parse(...argv)).toThrow(new CliError(message));
  });

  it.each([
    [["user:create", "--email", "a@b.test", "--password", "correct horse battery"]],
    [["user:create", "--email", "a@b.test", "--password=correct horse battery"]],
  ])("refuses a password on the command line, where ps shows it: %j", (argv) => {
    expect(() => parse(...argv)).toThrow(/--password is not taken on the command line .* --password-stdin or set CONSOLE_PASSWORD/);
  });

  it("answers --help with the list, or with one command's options", () => {
    expect(parse("--help")).toEqual({ help: true });
    expect(parse()).toEqual({ help: true });
    const line = parse("user:create", "--help");
    expect(line.help && line.command?.name).toBe("user:create");
    const text = usage(commands, "user:create");
    expect(text).toContain("--password-stdin (optional)");
    expect(text).not.toMatch(/--password </);
    for (const command of commands) expect(usage(commands)).toContain(command.name);
  });
});

describe("the password of user:create", () => {
  const values = { email: "a@b.test", "password-stdin": true as const };
  const stdin = (text: string) => () => Promise.resolve(text);

  it("comes from standard input with --password-stdin, without its final newline", async () => {
    const resolved = await resolveSecret(userCreate, values, { CONSOLE_PASSWORD: "from the environment" }, stdin("correct horse battery\n"));
    expect(resolved).toEqual({ email: "a@b.test", password: "correct horse battery" });
  });

  it("comes from CONSOLE_PASSWORD otherwise", async () => {
    const resolved = await resolveSecret(userCreate, { email: "a@b.test" }, { CONSOLE_PASSWORD: "correct horse battery" }, stdin(""));
    expect(resolved).toEqual({ email: "a@b.test", password: "correct horse battery" });
  });

  it("is required", async () => {
    await expect(resolveSecret(userCreate, { email: "a@b.test" }, {}, stdin(""))).rejects.toThrow(
      "the password is required: pipe it with --password-stdin or set CONSOLE_PASSWORD",
    );
    await expect(resolveSecret(userCreate, values, {}, stdin("\n"))).rejects.toThrow(/the password is required/);
  });
});

describe("admin CLI errors", () => {
  it("become one line: refusals exit 2, a field's message names the field, anything else exits 1", () => {
    expect(describeError(new CliError("no"))).toEqual({ message: "no", exitCode: 2 });
    expect(describeError(new AppError("bad_input", "Use at least 12 characters", "password"))).toEqual({
      message: "password: Use at least 12 characters",
      exitCode: 2,
    });
    expect(describeError(new AppError("bad_input", "Slug: Use lowercase letters", "slug")).message).toBe("Slug: Use lowercase letters");
    expect(describeError(new Error("boom"))).toEqual({ message: "Error: boom", exitCode: 1 });
  });
});
