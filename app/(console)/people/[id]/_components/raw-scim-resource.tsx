import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { ScimResource } from "@/db/schema";

/** The SCIM resource exactly as stored, for support to compare with what the identity provider sent. */
export function RawScimResource({ resource }: { resource: ScimResource }) {
  const json = JSON.stringify(resource, null, 2);
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <h2 id="raw-scim-heading" className="text-sm font-semibold text-slate-900">
          SCIM resource as stored
        </h2>
        <CopyButton value={json} label="the SCIM resource" />
      </div>
      <pre aria-labelledby="raw-scim-heading" tabIndex={0} className="max-h-[36rem] overflow-auto px-5 py-4 font-mono text-xs leading-5 text-slate-800">
        {json}
      </pre>
    </Card>
  );
}
