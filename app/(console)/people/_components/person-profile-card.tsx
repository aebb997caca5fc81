import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatDateTime } from "@/components/ui/format";
import type { ContactValue, PersonProfile } from "@/lib/people/get-person-profile";

function Contacts({ values }: { values: ContactValue[] }) {
  if (values.length === 0) return null;
  return (
    <ul className="space-y-1">
      {values.map((item) => (
        <li key={`${item.type}:${item.value}`} className="flex flex-wrap items-center gap-1.5 wrap-anywhere">
          {item.value}
          {item.type ? <span className="text-xs text-slate-500">{item.type}</span> : null}
          {item.primary ? <Badge tone="blue">primary</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

/** The manager by name, linked, when they are one of this tenant's people; else the reference as sent. */
function Manager({ manager }: { manager: NonNullable<PersonProfile["manager"]> }) {
  if (manager.person) {
    return (
      <Link href={`/people/${manager.person.id}`} className="font-medium text-brand-700 hover:underline">
        {manager.person.name}
      </Link>
    );
  }
  return (
    <span>
      {manager.display ? <>{manager.display} </> : null}
      <code className="font-mono text-xs wrap-anywhere">{manager.reference}</code>
      <span className="block text-xs text-slate-500">Not one of this tenant’s people</span>
    </span>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-5 first:border-t-0">
      <h2 className="mb-4 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** Everything the identity provider told us about a person, and where it came from. */
export function PersonProfileCard({ person }: { person: PersonProfile }) {
  return (
    <Card>
      <Section title="Identity">
        <DescriptionList
          items={[
            { label: "Display name", value: person.displayName },
            { label: "Given name", value: person.givenName },
            { label: "Family name", value: person.familyName },
            { label: "userName", value: <span className="wrap-anywhere">{person.userName}</span> },
            { label: "Emails", value: <Contacts values={person.emails} /> },
            { label: "Phone numbers", value: <Contacts values={person.phoneNumbers} /> },
            ...(person.addresses.length > 0 ? [{ label: "Addresses", value: <Contacts values={person.addresses} /> }] : []),
          ]}
        />
      </Section>
      {person.attributes.length > 0 || person.manager ? (
        <Section title="Work">
          <DescriptionList items={[...person.attributes, ...(person.manager ? [{ label: "Manager", value: <Manager manager={person.manager} /> }] : [])]} />
        </Section>
      ) : null}
      {person.otherAttributes.length > 0 ? (
        <Section title="Other attributes">
          <DescriptionList items={person.otherAttributes} />
        </Section>
      ) : null}
      <Section title="Provisioning">
        <DescriptionList
          items={[
            { label: "Region", value: person.region },
            { label: "Integration", value: person.integration?.name ?? "Removed integration" },
            { label: "externalId", value: person.externalId ? <code className="font-mono text-xs wrap-anywhere">{person.externalId}</code> : null },
            { label: "SCIM id", value: <code className="font-mono text-xs wrap-anywhere">{person.id}</code> },
            { label: "Created", value: formatDateTime(person.createdAt) },
            { label: "Last change", value: `${formatDateTime(person.updatedAt)} (version ${person.version})` },
            ...(person.deletedAt ? [{ label: "Deleted", value: `${formatDateTime(person.deletedAt)}, data retained` }] : []),
          ]}
        />
      </Section>
    </Card>
  );
}
