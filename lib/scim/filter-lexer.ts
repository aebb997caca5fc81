import type { ScimError } from "./errors";
import type { AttrPath, FilterValue } from "./filter-ast";

/** Longest filter or PATCH path accepted: a guard against pathological input, not an RFC limit. */
export const MAX_FILTER_LENGTH = 10_000;
/** Deepest nesting of parentheses, `not (...)` and value paths accepted. */
export const MAX_FILTER_DEPTH = 50;

/** ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA, plus `$ref` (RFC 7644 section 3.4.2.2). */
const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;
/** The schema URI part of a qualified attribute path, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`. */
const SCHEMA_URN = /^urn(?::[A-Za-z0-9][A-Za-z0-9._-]*)+$/i;
/** The characters an attribute path (with its URN and sub-attribute) or a keyword is made of. */
const PATH_CHAR = /[A-Za-z0-9_$:.-]/;
/** A whole JSON number (RFC 8259 section 6). */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
/** What ends an unquoted value: white space, the close of a group or value path, or a quote. */
const BARE_VALUE_END = /[\s)\]"[]/;
/** Words that read as filter syntax: as a value they must be quoted. */
const BARE_KEYWORDS = new Set(["and", "or", "not", "pr"]);
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * A cursor over a filter or PATCH path, shared by `parseFilter` and `parsePatchPath`. It
 * reads attribute paths, keywords and JSON values; every failure names the 1-based position
 * and what was expected, through the caller's error (invalidFilter or invalidPath).
 */
export class FilterLexer {
  pos = 0;

  constructor(
    readonly text: string,
    private readonly error: (detail: string) => ScimError,
    private readonly subject: "filter" | "path",
  ) {
    if (text.length > MAX_FILTER_LENGTH) {
      throw error(`The ${subject} is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted`);
    }
  }

  /** Throws: `Invalid filter at position 12: expected ')' but found 'and'`. */
  fail(expected: string, at: number = this.pos): never {
    throw this.error(`Invalid ${this.subject} at position ${at + 1}: expected ${expected} but found ${this.describe(at)}`);
  }

  /** Throws a message that is not of the "expected X" shape, still naming the position. */
  failWith(problem: string, at: number = this.pos): never {
    throw this.error(`Invalid ${this.subject} at position ${at + 1}: ${problem}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  eat(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  expect(char: string, expected = `'${char}'`): void {
    if (!this.eat(char)) this.fail(expected);
  }

  /** The next run of path characters (a keyword or an attribute path), without consuming it. */
  peekWord(): string {
    let end = this.pos;
    while (end < this.text.length && PATH_CHAR.test(this.text[end])) end++;
    return this.text.slice(this.pos, end);
  }

  readWord(): string {
    const word = this.peekWord();
    this.pos += word.length;
    return word;
  }

  /**
   * attrPath = [URI ":"] ATTRNAME *1subAttr. The URN is everything up to the last colon, so
   * the dot of `2.0` in `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName` is not
   * taken for a sub-attribute separator.
   */
  readAttrPath(expected = "an attribute path"): AttrPath {
    const start = this.pos;
    const word = this.readWord();
    if (!word) this.fail(expected, start);
    const colon = word.lastIndexOf(":");
    const urn = colon < 0 ? undefined : word.slice(0, colon);
    if (urn !== undefined && !SCHEMA_URN.test(urn)) {
      this.fail("an attribute path; a schema URN prefix must look like 'urn:...:Schema:'", start);
    }
    const names = word.slice(colon + 1).split(".");
    if (names.length > 2) this.fail("at most one sub-attribute after the attribute name", start);
    const at = start + colon + 1;
    if (!ATTRIBUTE_NAME.test(names[0])) this.fail("an attribute name (a letter, then letters, digits, '-' or '_')", at);
    if (names.length === 2 && !ATTRIBUTE_NAME.test(names[1])) {
      this.fail("a sub-attribute name after '.'", at + names[0].length + 1);
    }
    return { ...(urn ? { urn } : {}), attr: names[0], ...(names.length === 2 ? { sub: names[1] } : {}) };
  }

  /** subAttr = "." ATTRNAME, used after the ']' of a PATCH value path; the '.' is already read. */
  readAttributeName(expected = "an attribute name"): string {
    const start = this.pos;
    const name = this.readWord();
    if (!ATTRIBUTE_NAME.test(name)) this.fail(expected, start);
    return name;
  }

  /**
   * compValue = false / null / true / number / string (JSON, RFC 7644 section 3.4.2.2). Entra's
   * documentation shows unquoted strings (`userName eq Test_User_00aa00aa-...`,
   * https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups#get-user-by-query)
   * and Microsoft's reference test collection sends `sw O` and
   * `meta.created gt 2015-10-10T14:38:21.8617979-07:00`: a bare run of characters that is not
   * a JSON literal or number is taken as that string. A bare keyword is ambiguous and refused.
   */
  readValue(): FilterValue {
    const char = this.peek();
    if (char === '"') return this.readString();
    const start = this.pos;
    const bare = this.readBareValue();
    if (!bare) return this.fail("a value (a JSON string in double quotes, a number, true, false or null)", start);
    if (bare === "null") return null;
    // Entra writes booleans as "True" and "False" (see coerceBoolean in normalize.ts).
    if (/^(true|false)$/i.test(bare)) return bare.toLowerCase() === "true";
    if (JSON_NUMBER.test(bare)) return Number(bare);
    if (BARE_KEYWORDS.has(bare.toLowerCase())) {
      this.failWith(`'${bare}' is a keyword, not a value; quote a text value: "${bare}"`, start);
    }
    return bare;
  }

  /** A bare value runs to the next space, ')' or ']' (or '"' or '[', which must be quoted). */
  private readBareValue(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !BARE_VALUE_END.test(this.text[this.pos])) {
      if (this.text[this.pos] < " ") this.failWith("control characters must be escaped in a quoted JSON string", this.pos);
      this.pos++;
    }
    const bare = this.text.slice(start, this.pos);
    const quoted = /^'(.*)'$/.exec(bare);
    if (quoted) this.failWith(`a value in single quotes must be a JSON string in double quotes: "${quoted[1]}"`, start);
    if (/["[]/.test(this.peek() ?? "")) {
      this.failWith(`a value with '${this.peek()}' must be a JSON string in double quotes: "${bare}..."`, this.pos);
    }
    return bare;
  }

  private readString(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    while (this.pos < this.text.length) {
      const char = this.text[this.pos++];
      if (char === '"') return out;
      if (char < " ") this.failWith("control characters must be escaped in a JSON string", this.pos - 1);
      if (char !== "\\") {
        out += char;
        continue;
      }
      const escape = this.text[this.pos++];
      if (escape === "u") {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail("four hex digits after '\\u'");
        const code = parseInt(hex, 16);
        // PostgreSQL text holds no NUL: no stored value can contain one, and the database
        // would refuse the parameter outright.
        if (code === 0) this.failWith("a string cannot contain \\u0000 (NUL)", this.pos - 2);
        out += String.fromCharCode(code);
        this.pos += 4;
      } else if (escape !== undefined && escape in ESCAPES) {
        out += ESCAPES[escape];
      } else {
        this.fail("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'", this.pos - 1);
      }
    }
    return this.fail(`a closing '"' for the string opened at position ${start + 1}`);
  }

  /** `'and'`, `'emails[type'` or `the end of the filter`, for error messages. */
  private describe(at: number): string {
    if (at >= this.text.length) return `the end of the ${this.subject}`;
    const rest = this.text.slice(at);
    const token = /^[A-Za-z0-9_$:.-]+/.exec(rest)?.[0] ?? rest[0];
    return `'${token.length > 40 ? `${token.slice(0, 40)}...` : token}'`;
  }
}
