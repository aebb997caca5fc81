import { invalidFilter } from "./errors";
import type { CompareOp, Filter } from "./filter-ast";
import { FilterLexer, MAX_FILTER_DEPTH } from "./filter-lexer";

/**
 * SCIM filter parser (RFC 7644 section 3.4.2.2), recursive descent over:
 *
 *   or      = and *("or" and)
 *   and     = unary *("and" unary)
 *   unary   = "not" "(" or ")" / "(" or ")" / attrPath "[" valFilter "]" / attrExp
 *   attrExp = attrPath "pr" / attrPath compareOp compValue
 *
 * "not" binds tighter than "and", which binds tighter than "or"; "and" and "or" associate to
 * the left. Keywords and operators are case-insensitive; whitespace between tokens is free.
 */
export function parseFilter(text: string): Filter {
  const lexer = new FilterLexer(text, invalidFilter, "filter");
  lexer.skipSpace();
  if (lexer.atEnd()) lexer.fail("a filter expression");
  const filter = new FilterReader(lexer, false).readOr();
  if (!lexer.atEnd()) lexer.fail("'and', 'or' or the end of the filter");
  return filter;
}

/**
 * Reads the filter between the brackets of a value path (`emails[type eq "work"]`), the
 * opening '[' already consumed; the caller expects the ']'. Shared with `parsePatchPath`.
 */
export function readValueFilter(lexer: FilterLexer, depth = 1): Filter {
  return new FilterReader(lexer, true, depth).readOr();
}

const COMPARE_OPS = new Set<string>(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);
const OPERATOR_EXPECTED = "a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or 'pr'";

class FilterReader {
  constructor(
    private readonly lexer: FilterLexer,
    /** Inside `attr[...]`: value paths cannot nest (valFilter has no valuePath, RFC 7644 section 3.4.2.2). */
    private inValuePath: boolean,
    private depth = 0,
  ) {}

  readOr(): Filter {
    let left = this.readAnd();
    while (this.eatKeyword("or")) left = { kind: "or", left, right: this.readAnd() };
    return left;
  }

  private readAnd(): Filter {
    let left = this.readUnary();
    while (this.eatKeyword("and")) left = { kind: "and", left, right: this.readUnary() };
    return left;
  }

  private readUnary(): Filter {
    const { lexer } = this;
    lexer.skipSpace();
    if (lexer.eat("(")) return this.nested(() => this.readGroup());
    if (lexer.peekWord().toLowerCase() === "not") {
      lexer.readWord();
      lexer.skipSpace();
      // RFC 7644 section 3.4.2.2: FILTER = ... / *1"not" "(" FILTER ")", so "not" needs parentheses.
      lexer.expect("(", "'(' after 'not'");
      return this.nested(() => ({ kind: "not", filter: this.readGroup() }));
    }
    return this.readAttributeExpression();
  }

  /** The inside of parentheses, the '(' already consumed. */
  private readGroup(): Filter {
    const filter = this.readOr();
    this.lexer.expect(")", "'and', 'or' or ')'");
    return filter;
  }

  private readAttributeExpression(): Filter {
    const { lexer } = this;
    const pathStart = lexer.pos;
    const path = lexer.readAttrPath("an attribute path, '(' or 'not'");
    lexer.skipSpace();
    if (lexer.peek() === "[") {
      if (this.inValuePath) lexer.failWith("value paths cannot be nested inside '[...]'");
      if (path.sub) lexer.failWith("a value path applies to an attribute, not to a sub-attribute", pathStart);
      lexer.eat("[");
      this.inValuePath = true;
      const filter = this.nested(() => this.readOr());
      this.inValuePath = false;
      lexer.expect("]", "'and', 'or' or ']'");
      if (lexer.peek() === ".") {
        lexer.failWith("a sub-attribute after ']' is only allowed in PATCH paths (RFC 7644 section 3.5.2)");
      }
      return { kind: "valuePath", path, filter };
    }
    const opStart = lexer.pos;
    const op = lexer.readWord().toLowerCase();
    if (op === "pr") return { kind: "present", path };
    if (!COMPARE_OPS.has(op)) lexer.fail(OPERATOR_EXPECTED, opStart);
    lexer.skipSpace();
    return { kind: "compare", path, op: op as CompareOp, value: lexer.readValue() };
  }

  /** Skips whitespace and consumes `keyword` (any case) when it is the next word. */
  private eatKeyword(keyword: "and" | "or"): boolean {
    this.lexer.skipSpace();
    if (this.lexer.peekWord().toLowerCase() !== keyword) return false;
    this.lexer.readWord();
    return true;
  }

  private nested(read: () => Filter): Filter {
    if (this.depth >= MAX_FILTER_DEPTH) {
      this.lexer.failWith(`nesting deeper than ${MAX_FILTER_DEPTH} levels of '(', 'not (' and '['`);
    }
    this.depth++;
    const filter = read();
    this.depth--;
    return filter;
  }
}
