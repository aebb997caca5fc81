"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartPoint = { label: string; requests: number; failures: number };

/**
 * RequestChart's bars, filling their parent; drawn in the browser only (see RequestChart).
 * The chart is hidden from assistive technology, since the table beside it says the same
 * numbers, so it takes no keyboard focus either (recharts' accessibilityLayer would).
 */
export default function RequestBars({ points }: { points: ChartPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={points} margin={{ top: 4, right: 4, bottom: 0, left: -16 }} barGap={1}>
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
  );
}
