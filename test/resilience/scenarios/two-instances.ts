/**
 * Two instances on one database, sharing nothing else: what one instance decides must hold on the other at once.
 * - token revocation: a password changed on B ends every older session on A and B;
 * - deactivation: an account deactivated on A is refused on B;
 * - versions: the same claim saved through A and B with the same version at the same moment: one 200, one 409;
 *   a stale version is 409 (field) or 412 (If-Match) on either;
 * - sign-in failure limits: failures on A and B count together (counters in PostgreSQL, login_failures_by_*).
 */
import { HttpClient, type Outcome } from '../lib/http-client';
import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';
import { Service } from '../lib/service';
import { createAccount, EDITOR_PASSWORD, signIn, startStack } from '../lib/stack';
import { articleBody } from '../lib/workload';

const NEW_PASSWORD = 'Lagoon-Thistle-Beacon-2961';
/** LOGIN_PAIR_MAX_FAILURES by default: failures of one account from one address before that pair gets 429. */
const FAILURE_LIMIT = 5;

const statuses = (outcomes: Outcome[]) => outcomes.map((o) => o.status ?? o.error).join(',');
const codeOf = (o: Outcome) => (o.body as { error?: { code?: string } } | undefined)?.error?.code;

export async function twoInstancesScenario(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  const stack = await startStack(tools, 'two', { label: 'instance-a' });
  let b: Service | undefined;
  const outcomes: Outcome[] = [];
  const a = stack.client;
  let bClient: HttpClient | undefined;
  const send = async (client: HttpClient, options: Parameters<HttpClient['request']>[0]) => {
    const outcome = await client.request({ timeoutMs: 15_000, ...options });
    outcomes.push(outcome);
    return outcome;
  };
  try {
    b = await Service.start({ databaseUrl: stack.cluster.url, label: 'instance-b' });
    bClient = new HttpClient(b.base);
    const B = bClient;
    const both = [a, B];
    report.figure('instances', `A pid ${stack.service.pid} on :${stack.service.port}, B pid ${b.pid} on :${b.port}, one database`);

    // ---- Token revocation by a password change -------------------------------------------------------------
    {
      const user = await createAccount(a, stack.adminToken, 'editor', 'revoke');
      const tokens = [await signIn(a, user.email, user.password), await signIn(B, user.email, user.password)];
      const before = await Promise.all(both.flatMap((client) => tokens.map((token) => send(client, { op: 'me', path: '/api/auth/me', token }))));
      const changed = await send(B, {
        op: 'password',
        path: '/api/auth/password',
        token: tokens[1],
        json: { currentPassword: user.password, newPassword: NEW_PASSWORD },
      });
      const fresh = (changed.body as { token?: string }).token;
      const after = await Promise.all(
        Array.from({ length: 5 }).flatMap(() => both.flatMap((client) => tokens.map((token) => send(client, { op: 'me', path: '/api/auth/me', token })))),
      );
      const freshOk = fresh ? await Promise.all(both.map((client) => send(client, { op: 'me', path: '/api/auth/me', token: fresh }))) : [];
      const oldPassword = await send(a, { op: 'login', path: '/api/auth/login', json: { email: user.email, password: user.password } });
      report.check(
        'password changed on B: every older session is refused on A and B at once, the new one works on both',
        before.every((o) => o.status === 200) && changed.status === 200 && after.every((o) => o.status === 401) && freshOk.length === 2 && freshOk.every((o) => o.status === 200) && oldPassword.status === 401,
        `before ${statuses(before)}; change ${changed.status}; old tokens after ${summarize(after)}; new token ${statuses(freshOk)}; old password on A ${oldPassword.status}`,
      );
    }

    // ---- Deactivation --------------------------------------------------------------------------------------
    {
      const user = await createAccount(a, stack.adminToken, 'reviewer', 'deactivate');
      const token = await signIn(B, user.email, user.password);
      const before = await send(B, { op: 'me', path: '/api/auth/me', token });
      const deactivated = await send(a, { op: 'deactivate', method: 'PATCH', path: `/api/users/${user.id}`, token: stack.adminToken, json: { active: false } });
      const after = await Promise.all(Array.from({ length: 5 }).flatMap(() => both.map((client) => send(client, { op: 'me', path: '/api/auth/me', token }))));
      const signInAfter = await send(B, { op: 'login', path: '/api/auth/login', json: { email: user.email, password: user.password } });
      report.check(
        'account deactivated on A: refused on A and B at once, and cannot sign in on B',
        before.status === 200 && deactivated.status === 200 && after.every((o) => o.status === 401) && signInAfter.status === 401,
        `before ${before.status}; deactivate ${deactivated.status}; token after ${summarize(after)} (${[...new Set(after.map(codeOf))].join(',')}); sign-in on B ${signInAfter.status}`,
      );
    }

    // ---- Versions: the same claim saved through both instances at the same moment ----------------------------
    {
      const editorB = await signIn(B, (await createAccount(a, stack.adminToken, 'editor', 'versions-b')).email, EDITOR_PASSWORD);
      const imported = await send(a, { op: 'import', path: '/api/articles', token: stack.editorToken, json: { title: 'Two instances', body: articleBody(`two-${Date.now()}`, 5) } });
      const claimId = (imported.body as { claims: Array<{ id: string }> }).claims[0].id;
      const rounds = 20;
      let clean = 0;
      const results: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const read = await send(a, { op: 'claim', path: `/api/claims/${claimId}`, token: stack.editorToken });
        const version = (read.body as { version: number }).version;
        const [viaA, viaB] = await Promise.all([
          send(a, { op: 'triage', method: 'PATCH', path: `/api/claims/${claimId}`, token: stack.editorToken, json: { claimant: { name: `A ${round}` }, version } }),
          send(B, { op: 'triage', method: 'PATCH', path: `/api/claims/${claimId}`, token: editorB, json: { claimant: { name: `B ${round}` }, version } }),
        ]);
        const pair = [viaA.status, viaB.status].sort().join('/');
        results.push(pair);
        if (pair === '200/409') clean++;
      }
      const final = await send(B, { op: 'claim', path: `/api/claims/${claimId}`, token: editorB });
      const finalVersion = (final.body as { version: number }).version;
      const staleField = await send(B, { op: 'triage', method: 'PATCH', path: `/api/claims/${claimId}`, token: editorB, json: { checkWorthy: false, version: finalVersion - 1 } });
      const staleIfMatch = await send(a, {
        op: 'triage',
        method: 'PATCH',
        path: `/api/claims/${claimId}`,
        token: stack.editorToken,
        headers: { 'If-Match': `"${finalVersion - 1}"` },
        json: { checkWorthy: false },
      });
      const db = await stack.connect();
      let audited = -1;
      try {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'claim.updated'`, [claimId]);
        audited = rows[0].n;
      } finally {
        await db.end();
      }
      report.check(
        `the same claim saved through A and B with the same version at the same moment: one 200 and one 409, ${rounds} times out of ${rounds}`,
        clean === rounds && finalVersion === 1 + rounds && audited === rounds,
        `${clean}/${rounds} rounds 200/409 (${[...new Set(results)].join(' ')}); final version ${finalVersion}, ${audited} audited updates`,
      );
      report.check(
        'a stale version is refused on either instance: 409 for a version field, 412 for If-Match',
        staleField.status === 409 && codeOf(staleField) === 'VERSION_CONFLICT' && staleIfMatch.status === 412,
        `field on B ${staleField.status} ${codeOf(staleField)}, If-Match on A ${staleIfMatch.status} ${codeOf(staleIfMatch)}`,
      );
    }

    // ---- Sign-in failure limits shared through the database ---------------------------------------------------
    {
      const user = await createAccount(a, stack.adminToken, 'reviewer', 'limits');
      const attempts: Outcome[] = [];
      // FAILURE_LIMIT failures alternating A, B, A, …; the next attempts, on each instance, must be refused.
      for (let i = 0; i < FAILURE_LIMIT + 2; i++) {
        const client = i % 2 === 0 ? a : B;
        attempts.push(await send(client, { op: 'login', path: '/api/auth/login', json: { email: user.email, password: 'Wrong-Password-Guess-0000' } }));
      }
      const failures = attempts.slice(0, FAILURE_LIMIT);
      const beyond = attempts.slice(FAILURE_LIMIT);
      report.check(
        `sign-in failures count across instances: after ${FAILURE_LIMIT} failures spread over A and B, both answer 429`,
        failures.every((o) => o.status === 401) && beyond.every((o) => o.status === 429),
        `attempts A,B,A,… → ${statuses(attempts)}`,
      );
    }

    const errors = [...stack.service.errorLines(), ...b.errorLines()].filter((line) => !/"statusCode":(4\d\d)/.test(line));
    report.check('no error logged by either instance', errors.length === 0, errors.slice(0, 3).join(' | '));
  } finally {
    report.countOutcomes(outcomes);
    bClient?.close();
    await b?.stop();
    await stack.close();
  }
}

function summarize(outcomes: Outcome[]): string {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[String(o.status ?? o.error)] = (counts[String(o.status ?? o.error)] ?? 0) + 1;
  return Object.entries(counts)
    .map(([k, n]) => `${n}×${k}`)
    .join(' ');
}
