"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartPoint = { label: string; requests: number; failures: number };

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
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -16 }} barGap={1}>
            <defs>
              <pattern id="failure-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#fecaca" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#b91c1c" strokeWidth="3" />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} width={48} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="requests" name="Requests" fill="#4f46e5" isAnimationActive={false} />
            <Bar dataKey="failures" name="Failures (hatched)" fill="url(#failure-hatch)" stroke="#b91c1c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
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
