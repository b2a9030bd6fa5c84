import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createArticleService } from '../src/articles/articles.service';
import { createAuditService } from '../src/audit/audit.service';
import { createClaimService } from '../src/claims/claims.service';
import type { Db } from '../src/db/sql';
import { createUserService } from '../src/users/users.service';
import { actorOf, loadDemoDesk } from './demo-desk';

/** Demo accounts of the embedded default; the README prints these credentials. Never loaded in production. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@checkmate.example', name: 'Ada Admin', role: 'admin', password: 'Checkmate-Demo-A1' },
  { email: 'editor@checkmate.example', name: 'Eddie Editor', role: 'editor', password: 'Checkmate-Demo-E2' },
  { email: 'reviewer@checkmate.example', name: 'Riley Reviewer', role: 'reviewer', password: 'Checkmate-Demo-R3' },
  { email: 'reviewer2@checkmate.example', name: 'Sam Second', role: 'reviewer', password: 'Checkmate-Demo-S4' },
] as const;

export const SEED_ARTICLE = {
  title: 'Hegseth orders Cyber Command to halt offensive operations against Russia',
  file: path.join(__dirname, 'seed-article.txt'),
};

export interface SeedReport {
  usersCreated: number;
  articleCreated: boolean;
  articleId: string;
  claimCount: number;
}

/**
 * Loads the demo accounts and the seed article in a realistic desk state (seed/demo-desk.ts); running it again
 * creates nothing new (the desk state is made only when the article is new).
 */
export async function loadDemoData(db: Db): Promise<SeedReport> {
  const { prisma } = db;
  const users = createUserService(db);
  let usersCreated = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await users.createUser({ email: account.email, name: account.name, role: account.role, password: account.password }, null);
    usersCreated++;
  }
  const [editor, reviewer, secondReviewer] = await Promise.all(
    [DEMO_ACCOUNTS[1], DEMO_ACCOUNTS[2], DEMO_ACCOUNTS[3]].map((a) => prisma.user.findUniqueOrThrow({ where: { email: a.email } }).then(actorOf)),
  );
  const body = readFileSync(SEED_ARTICLE.file, 'utf8');
  const claims = createClaimService(db, createAuditService(db));
  const articles = createArticleService({ db, claims, articleMaxBytes: Number.MAX_SAFE_INTEGER, articleMaxClaims: Number.MAX_SAFE_INTEGER });
  const { article, created } = await articles.importArticle({ title: SEED_ARTICLE.title, body }, editor);
  if (created) {
    const { items } = await claims.listForArticle(article.id, { limit: 200, sort: 'position' }, editor);
    await loadDemoDesk(db, items.map((c) => c.id), { editor, reviewer, secondReviewer });
  }
  return { usersCreated, articleCreated: created, articleId: article.id, claimCount: article.claimCount };
}

/** True when nothing has been stored yet, so demo data may be loaded without surprising anyone. */
export async function isDatabaseEmpty({ prisma }: Db): Promise<boolean> {
  const [users, articles] = await Promise.all([prisma.user.count(), prisma.article.count()]);
  return users === 0 && articles === 0;
}
