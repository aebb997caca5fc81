import { invalidPath } from "./errors";
import type { PatchPath } from "./filter-ast";
import { FilterLexer } from "./filter-lexer";
import { readValueFilter } from "./filter-parser";

/**
 * Parses the `path` of a PATCH operation (RFC 7644 section 3.5.2):
 *
 *   PATH = attrPath / valuePath [subAttr]
 *
 * e.g. `members`, `name.givenName`, `emails[type eq "work"].value`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`. Anything else,
 * including a malformed filter inside the brackets, is an `invalidPath` error. No whitespace
 * is allowed outside the brackets: the RFC's grammar has none there.
 */
export function parsePatchPath(text: string): PatchPath {
  const lexer = new FilterLexer(text, invalidPath, "path");
  const path = lexer.readAttrPath();
  if (!lexer.eat("[")) {
    if (!lexer.atEnd()) lexer.fail("'[' or the end of the path");
    return { path };
  }
  if (path.sub) lexer.failWith("a value path applies to an attribute, not to a sub-attribute", lexer.pos - 1);
  const filter = readValueFilter(lexer);
  lexer.expect("]", "'and', 'or' or ']'");
  if (lexer.atEnd()) return { path, filter };
  lexer.expect(".", "'.' and a sub-attribute, or the end of the path");
  const subAttr = lexer.readAttributeName("a sub-attribute name after '.'");
  if (!lexer.atEnd()) lexer.fail("the end of the path");
  return { path, filter, subAttr };
}
