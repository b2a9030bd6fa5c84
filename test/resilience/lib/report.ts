/** Checks and figures of each scenario, and the final summary table. */
import { countByStatus, formatCounts, type Outcome } from './http-client';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export class ScenarioReport {
  readonly checks: Check[] = [];
  readonly figures: Array<[string, string]> = [];
  requests = 0;
  byStatus: Record<string, number> = {};
  acknowledged?: number;
  found?: number;
  error?: string;
  ms = 0;

  constructor(readonly name: string) {}

  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    console.log(`  [${ok ? 'ok  ' : 'FAIL'}] ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }

  figure(name: string, value: string | number): void {
    this.figures.push([name, String(value)]);
    console.log(`  ${name}: ${value}`);
  }

  countOutcomes(outcomes: Outcome[]): void {
    this.requests += outcomes.length;
    for (const [key, n] of Object.entries(countByStatus(outcomes))) this.byStatus[key] = (this.byStatus[key] ?? 0) + n;
  }

  writes(acknowledged: number, found: number): void {
    this.acknowledged = (this.acknowledged ?? 0) + acknowledged;
    this.found = (this.found ?? 0) + found;
  }

  get failed(): boolean {
    return Boolean(this.error) || this.checks.some((c) => !c.ok);
  }

  get verdict(): string {
    if (this.error) return 'ERROR';
    return this.failed ? 'FAIL' : 'PASS';
  }
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

export function summaryTable(reports: ScenarioReport[]): string {
  const rows = [['scenario', 'result', 'checks', 'requests', 'responses by status', 'writes ack/found', 'time']];
  for (const r of reports) {
    const passed = r.checks.filter((c) => c.ok).length;
    rows.push([
      r.name,
      r.verdict,
      `${passed}/${r.checks.length}`,
      String(r.requests),
      formatCounts(r.byStatus) || '-',
      r.acknowledged === undefined ? '-' : `${r.acknowledged}/${r.found}`,
      `${(r.ms / 1000).toFixed(1)} s`,
    ]);
  }
  return table(rows);
}
