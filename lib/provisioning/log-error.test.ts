import { afterEach, describe, expect, it, vi } from "vitest";
import { escapeForLog, logScimError } from "./log-error";

/** A value a client sent must not forge server log lines (issue #7, item 8). */
describe("escapeForLog", () => {
  it.each([
    ["a\nb", "a\\nb"],
    ["a\r\nb", "a\\u000d\\nb"],
    ["\u001b[31mred", "\\u001b[31mred"],
    ["a\u2028b\u0085c", "a\\u2028b\\u0085c"],
    ["plain text, é and 漢字", "plain text, é and 漢字"],
  ])("writes %j as %s", (text, escaped) => {
    expect(escapeForLog(text)).toBe(escaped);
  });
});

describe("logScimError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one line whatever the error's message and cause hold", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    const forged = 'userName eq "x"\n[scim 00000000] all good\r\n';
    logScimError("req-1", "internal error", new Error(`Failed query: select 1\nparams: ${forged}`, { cause: new Error(forged) }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[scim req-1\] internal error: /);
    expect(lines[0]).not.toMatch(/[\n\r]/);
    expect(lines[0]).toContain('params: userName eq "x"\\n[scim 00000000] all good');
  });
});
