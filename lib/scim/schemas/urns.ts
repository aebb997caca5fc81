/**
 * Schema and message URNs (RFC 7643 sections 3, 4, 5, 6, 7 and RFC 7644 section 3).
 * Compare them case-insensitively: RFC 7643 section 2.1 makes schema URIs case-insensitive.
 */
export { ERROR_SCHEMA } from "../errors";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export const SERVICE_PROVIDER_CONFIG_SCHEMA =
  "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
export const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
export const BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
export const BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
