/**
 * `npm run test:resilience [-- scenario …]`: the service under failure, as a process, against throwaway
 * PostgreSQL clusters (and the embedded database for the crash scenario). Prints each scenario's checks and
 * figures, then a summary table; exits 1 when any check failed.
 *
 * Needs the PostgreSQL server binaries (initdb, pg_ctl) and, as root, runuser and a `postgres` user. Without
 * them it fails under CI=true and skips (loudly, exit 0) otherwise.
 */
import { findPostgresTools, type PostgresTools } from './lib/postgres-cluster';
import { ScenarioReport, summaryTable } from './lib/report';
import { crashScenario } from './scenarios/crash';
import { gracefulStopScenario } from './scenarios/graceful-stop';
import { outageScenario } from './scenarios/outage';
import { soakScenario } from './scenarios/soak';
import { twoInstancesScenario } from './scenarios/two-instances';

const SCENARIOS: Array<[name: string, run: (tools: PostgresTools, report: ScenarioReport) => Promise<void>]> = [
  ['outage', outageScenario],
  ['crash', crashScenario],
  ['graceful-stop', gracefulStopScenario],
  ['two-instances', twoInstancesScenario],
  ['soak', soakScenario],
];

/** The whole run must end; a scenario that hangs is a failure, not a stuck CI job. */
const SCENARIO_TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<number> {
  const tools = findPostgresTools();
  if ('missing' in tools) {
    const message = `test:resilience needs the PostgreSQL server binaries: ${tools.missing}`;
    if (process.env.CI === 'true') {
      console.error(`FAILED: ${message}`);
      return 1;
    }
    console.error(`\n${'!'.repeat(100)}\nSKIPPED: ${message}.\nThe resilience scenarios did NOT run. Install PostgreSQL (e.g. apt-get install postgresql) to run them.\n${'!'.repeat(100)}\n`);
    return 0;
  }

  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SCENARIOS.some(([n]) => n === name));
  if (unknown.length) {
    console.error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.map(([n]) => n).join(', ')}`);
    return 2;
  }
  const started = Date.now();
  const reports: ScenarioReport[] = [];
  for (const [name, run] of SCENARIOS) {
    if (wanted.length && !wanted.includes(name)) continue;
    const report = new ScenarioReport(name);
    reports.push(report);
    console.log(`\n== ${name}`);
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        run(tools, report),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not finish within ${SCENARIO_TIMEOUT_MS / 1000} s`)), SCENARIO_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      report.error = error instanceof Error ? error.stack ?? error.message : String(error);
      console.log(`  [ERROR] ${report.error}`);
    } finally {
      clearTimeout(timer);
    }
    report.ms = Date.now() - t0;
  }

  console.log(`\n== Summary (${((Date.now() - started) / 1000).toFixed(0)} s, PostgreSQL binaries in ${tools.bin})\n`);
  console.log(summaryTable(reports));
  const failed = reports.filter((r) => r.failed);
  if (failed.length) {
    console.log(`\nFAILED: ${failed.map((r) => r.name).join(', ')}`);
    for (const r of failed) for (const c of r.checks.filter((c) => !c.ok)) console.log(`  - ${r.name}: ${c.name} — ${c.detail}`);
    return 1;
  }
  console.log('\nAll resilience checks passed.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
