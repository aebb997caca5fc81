import { groupMembers, people } from "@/db/schema";
import {
  column,
  complex,
  type FilterColumns,
  jsonArray,
  jsonAttribute,
  jsonPath,
} from "@/lib/scim/filter-columns";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas/urns";
import { commonFilterColumns, membershipFilter } from "@/lib/scim-resources/resource-filter-columns";

const resource = (...keys: string[]) => jsonAttribute(jsonPath(people.resource, ...keys));
const enterprise = (...keys: string[]) => resource(ENTERPRISE_USER_SCHEMA, ...keys);

/**
 * Where each filterable User attribute lives (RFC 7643 sections 4.1 and 4.3): hot attributes
 * are columns of `people`, the rest are read from the stored resource, and `groups` from the
 * membership table. caseExact follows the User schema: only `id` and `externalId` are
 * case-sensitive strings.
 */
export const userFilterColumns: FilterColumns = {
  schema: USER_SCHEMA,
  attributes: {
    ...commonFilterColumns(people),
    userName: column(people.userName, "string"),
    active: column(people.active, "boolean"),
    displayName: column(people.displayName, "string"),
    name: complex({
      givenName: column(people.givenName, "string"),
      familyName: column(people.familyName, "string"),
      formatted: resource("name", "formatted"),
      middleName: resource("name", "middleName"),
      honorificPrefix: resource("name", "honorificPrefix"),
      honorificSuffix: resource("name", "honorificSuffix"),
    }),
    nickName: resource("nickName"),
    title: resource("title"),
    userType: resource("userType"),
    locale: resource("locale"),
    preferredLanguage: resource("preferredLanguage"),
    timezone: resource("timezone"),
    profileUrl: resource("profileUrl"),
    emails: jsonArray(jsonPath(people.resource, "emails"), {
      value: ["string", false],
      display: ["string", false],
      type: ["string", false],
      primary: ["boolean", false],
    }),
    phoneNumbers: jsonArray(jsonPath(people.resource, "phoneNumbers"), {
      value: ["string", false],
      display: ["string", false],
      type: ["string", false],
      primary: ["boolean", false],
    }),
    addresses: jsonArray(jsonPath(people.resource, "addresses"), {
      formatted: ["string", false],
      streetAddress: ["string", false],
      locality: ["string", false],
      region: ["string", false],
      postalCode: ["string", false],
      country: ["string", false],
      type: ["string", false],
      primary: ["boolean", false],
    }),
    // RFC 7643 section 4.1.2: the groups a user belongs to, kept in group_members.
    groups: membershipFilter({ table: people, key: groupMembers.personId }, groupMembers.groupId),
  },
  extensions: {
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: enterprise("employeeNumber"),
      costCenter: enterprise("costCenter"),
      organization: enterprise("organization"),
      division: enterprise("division"),
      department: enterprise("department"),
      manager: complex({
        value: enterprise("manager", "value"),
        displayName: enterprise("manager", "displayName"),
      }),
    },
  },
};
