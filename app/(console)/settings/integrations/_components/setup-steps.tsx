import type { Provider } from "@/db/schema";

/** The identity provider's side of the setup, from the vendor guides in shared/seeds. */
const steps: Record<Provider, { title: string; items: React.ReactNode[]; note?: React.ReactNode }> = {
  entra: {
    title: "Set up in Microsoft Entra ID",
    items: [
      <>In the Microsoft Entra admin center, open <strong>Enterprise apps</strong>, select your app and its <strong>Provisioning</strong> tab.</>,
      <>Set <strong>Provisioning Mode</strong> to Automatic.</>,
      <>Under <strong>Admin Credentials</strong>, paste the Tenant URL and the Secret Token, then select <strong>Test Connection</strong>.</>,
      <>Select <strong>Save</strong>, review the attribute mappings, and set <strong>Provisioning Status</strong> to On.</>,
      <>Assign users and groups to the app with a role other than Default Access, which is excluded from provisioning.</>,
    ],
    note: "Entra syncs about every 40 minutes after the first cycle.",
  },
  okta: {
    title: "Set up in Okta",
    items: [
      <>In the Okta Admin Console, open <strong>Applications</strong>, select your app and its <strong>Provisioning</strong> tab.</>,
      <>Under <strong>Settings › Integration</strong>, enter the Tenant URL as the Base URL.</>,
      <>Enter the <strong>App key</strong> as the username and the Secret Token as the password (the secret key), or send the token as the API token.</>,
      <>Under <strong>Settings › To App</strong>, enable Create Users, Update User Attributes and Deactivate Users, and save.</>,
      <>Assign the app to users or groups on the <strong>Assignments</strong> tab.</>,
    ],
    note: "Deactivated people keep their data as inactive; support can delete them permanently.",
  },
  generic: {
    title: "Set up your SCIM client",
    items: [
      <>Use the Tenant URL as the SCIM base URL; Users and Groups live below it.</>,
      <>Send the Secret Token in every request as <code className="font-mono text-xs">Authorization: Bearer …</code>.</>,
      <>Read <code className="font-mono text-xs">/ServiceProviderConfig</code>, <code className="font-mono text-xs">/ResourceTypes</code> and <code className="font-mono text-xs">/Schemas</code> for what is supported.</>,
    ],
  },
};

export function SetupSteps({ provider }: { provider: Provider }) {
  const { title, items, note } = steps[provider];
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading" className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <ol className="mt-3 space-y-2.5 text-sm text-slate-600">
        {items.map((item, index) => (
          <li key={index} className="flex gap-3">
            <span aria-hidden className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">
              {index + 1}
            </span>
            <span>{item}</span>
          </li>
        ))}
      </ol>
      {note ? <p className="mt-3 text-xs text-slate-500">{note}</p> : null}
    </section>
  );
}
