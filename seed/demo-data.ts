import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createArticleService } from '../src/articles/articles.service';
import { createAuditService } from '../src/audit/audit.service';
import { createClaimService } from '../src/claims/claims.service';
import type { Db } from '../src/db/sql';
import { createUserService } from '../src/users/users.service';

/** Demo accounts of the embedded default; the README prints these credentials. Never loaded in production. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@checkmate.example', name: 'Ada Admin', role: 'admin', password: 'Checkmate-Demo-A1' },
  { email: 'editor@checkmate.example', name: 'Eddie Editor', role: 'editor', password: 'Checkmate-Demo-E2' },
  { email: 'reviewer@checkmate.example', name: 'Riley Reviewer', role: 'reviewer', password: 'Checkmate-Demo-R3' },
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

/** Loads the demo accounts and the seed article; running it again creates nothing new. */
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
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[1].email } });
  const body = readFileSync(SEED_ARTICLE.file, 'utf8');
  const claims = createClaimService(db, createAuditService(db));
  const articles = createArticleService({ db, claims, articleMaxBytes: Number.MAX_SAFE_INTEGER, articleMaxClaims: Number.MAX_SAFE_INTEGER });
  const actor = { userId: editor.id, email: editor.email, name: editor.name, role: editor.role, requestId: 'seed' };
  const { article, created } = await articles.importArticle({ title: SEED_ARTICLE.title, body }, actor);
  return { usersCreated, articleCreated: created, articleId: article.id, claimCount: article.claimCount };
}

/** True when nothing has been stored yet, so demo data may be loaded without surprising anyone. */
export async function isDatabaseEmpty({ prisma }: Db): Promise<boolean> {
  const [users, articles] = await Promise.all([prisma.user.count(), prisma.article.count()]);
  return users === 0 && articles === 0;
}
