"use client";

import dynamic from "next/dynamic";
import type { ChartPoint } from "./request-bars";

/**
 * The bars are drawn in the browser only. Their container sizes itself with style
 * attributes, which the pages' Content-Security-Policy refuses in server-rendered HTML
 * (style-src has a nonce, not 'unsafe-inline'); React sets the same styles in the browser
 * through the DOM, which the policy allows. Rendered on the server, the container kept no
 * size and the chart stayed empty.
 */
const RequestBars = dynamic(() => import("./request-bars"), { ssr: false });

/**
 * Requests and failures per bucket as grouped bars. Failures are hatched as well as red, and
 * the legend names both, so the chart reads without colour; the table below it says the same
 * numbers for a screen reader or a printout.
 */
export function RequestChart({ points, caption }: { points: ChartPoint[]; caption: string }) {
  const total = points.reduce((sum, p) => sum + p.requests, 0);
  return (
    <figure className="min-w-0">
      <div className="h-44 w-full" aria-hidden="true">
        <RequestBars points={points} />
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">
        {caption}: {total.toLocaleString("en")} {total === 1 ? "request" : "requests"}, {points.reduce((sum, p) => sum + p.failures, 0).toLocaleString("en")} failed.
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-slate-600">Show as a table</summary>
        <div className="mt-2 max-h-56 overflow-y-auto">
          <table className="w-full text-left text-xs">
            <thead>
              <tr className="text-slate-500">
                <th scope="col" className="py-1 font-medium">From (UTC)</th>
                <th scope="col" className="py-1 text-right font-medium">Requests</th>
                <th scope="col" className="py-1 text-right font-medium">Failures</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {points.map((p) => (
                <tr key={p.label}>
                  <td className="py-1">{p.label}</td>
                  <td className="py-1 text-right">{p.requests.toLocaleString("en")}</td>
                  <td className="py-1 text-right">{p.failures.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
