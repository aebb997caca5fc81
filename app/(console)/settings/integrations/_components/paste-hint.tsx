import type { Provider } from "@/db/schema";

/** Where a new secret goes, said under the once-shown panel. */
export function PasteHint({ provider }: { provider: Provider }) {
  if (provider === "entra") {
    return <>In the Microsoft Entra admin center, paste it into <strong>Secret Token</strong> under Admin Credentials on the app’s Provisioning page.</>;
  }
  if (provider === "okta") {
    return <>In Okta, enter the <strong>App key</strong> as the username and this secret key as the password (or send it as the API token).</>;
  }
  return (
    <>
      Send it with every request as <code className="rounded bg-white/70 px-1 font-mono">Authorization: Bearer …</code>.
    </>
  );
}
