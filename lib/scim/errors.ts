/**
 * SCIM errors (RFC 7644 section 3.12). `ScimError` is the only way an error body is made;
 * `status` is serialised as a string, as the RFC's examples and Entra's validator expect.
 */
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly detail: string,
    /** Headers the error answers with, such as a 405's `Allow`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }

  toBody(): ScimErrorBody {
    return {
      schemas: [ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.detail,
    };
  }
}

export type ScimErrorBody = {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
};

export const invalidFilter = (detail: string) => new ScimError(400, "invalidFilter", detail);
export const invalidSyntax = (detail: string) => new ScimError(400, "invalidSyntax", detail);
export const invalidPath = (detail: string) => new ScimError(400, "invalidPath", detail);
export const invalidValue = (detail: string) => new ScimError(400, "invalidValue", detail);
export const noTarget = (detail: string) => new ScimError(400, "noTarget", detail);
export const mutability = (detail: string) => new ScimError(400, "mutability", detail);
export const uniqueness = (detail: string) => new ScimError(409, "uniqueness", detail);
export const notFound = (detail: string) => new ScimError(404, undefined, detail);

/** 405 with the methods the endpoint does allow in `Allow` (RFC 7231 section 6.5.5). */
export const methodNotAllowed = (method: string, allowed: string[]) =>
  new ScimError(405, undefined, `${method} is not allowed here; use ${allowed.join(", ")}`, { allow: allowed.join(", ") });
