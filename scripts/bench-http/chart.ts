/**
 * An SVG bar chart, hand-written: per database, each scenario's req/s as a share of the
 * ceiling (the empty route, same run, measured last before it), the ceiling being the dashed
 * line, with the ratio and the req/s written on the bar, so it reads without colour.
 */
import type { BenchRun } from "./report";

const WIDTH = 900;
const LABEL = 330;
const BAR = 22;
const GAP = 8;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function chartSvg(run: BenchRun): string {
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="10" y="20" font-size="15" font-weight="bold">SCIM over HTTP: req/s against the empty route's (${escape(run.startedAt)}, ${escape(run.mode)})</text>`);
  const scale = WIDTH - LABEL - 20;
  for (const db of run.databases.filter((d) => d.ceiling && d.scenarios.length > 0)) {
    const ceiling = db.ceiling!.reqPerSec;
    const top = Math.max(1, ...db.scenarios.map((s) => s.ratio));
    const x = (ratio: number) => LABEL + (ratio / top) * scale;
    y += 24;
    parts.push(`<text x="10" y="${y}" font-size="14" font-weight="bold">${escape(db.database)}: ceiling ${ceiling.toFixed(0)} req/s</text>`);
    y += 10;
    const first = y;
    for (const s of db.scenarios) {
      const end = x(s.ratio);
      parts.push(`<text x="${LABEL - 8}" y="${y + 16}" font-size="12" text-anchor="end">${escape(s.label)}${s.connections === 16 ? "" : ` (${s.connections} conns)`}</text>`);
      parts.push(`<rect x="${LABEL}" y="${y}" width="${Math.max(1, end - LABEL).toFixed(1)}" height="${BAR}" fill="#9ab" stroke="#234"/>`);
      const caption = `${s.ratio.toFixed(2)} × ceiling (${s.reqPerSec.toFixed(0)} req/s)`;
      const inside = end - LABEL > 190;
      parts.push(`<text x="${(inside ? LABEL + 6 : end + 6).toFixed(1)}" y="${y + 16}" font-size="12">${escape(caption)}</text>`);
      y += BAR + GAP;
    }
    const cx = x(1).toFixed(1);
    parts.push(`<line x1="${cx}" y1="${first - 4}" x2="${cx}" y2="${y}" stroke="#000" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${cx}" y="${y + 12}" font-size="11" text-anchor="end">ceiling</text>`);
    y += 20;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y + 10}" viewBox="0 0 ${WIDTH} ${y + 10}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join("\n")}\n</svg>\n`;
}
