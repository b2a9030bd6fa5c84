import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';

export async function gracefulStopScenario(_tools: PostgresTools, report: ScenarioReport): Promise<void> {
  report.check('not written yet', false);
}
