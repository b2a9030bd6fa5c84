/**
 * The web desk in headless Chromium against the real server (`src/server.ts`) on a throwaway embedded database
 * with the demo accounts: sign-in for each role, import, triage, a conflict that keeps the form, a session
 * that ends mid-edit, keyboard navigation, admin, tablet width, axe-core on every main view, and no request
 * to any other origin. Screenshots: see SCREENSHOTS in support.ts. The review workflow is in review.browser.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Claim, Page as ListPage } from '../../web/src/api/types';
import { DEMO_ACCOUNTS } from '../../seed/demo-data';
import {
  apiCall,
  apiLogin,
  CHROMIUM,
  chromiumInstalled,
  inCi,
  launchChromium,
  newContext,
  SCREENSHOTS,
  seriousViolations,
  sharedServer,
  type Watch,
} from './support';

const account = (role: 'admin' | 'editor' | 'reviewer') => DEMO_ACCOUNTS.find((a) => a.role === role)!;

const available = chromiumInstalled();
if (!available) {
  const banner = '!'.repeat(78);
  const message = [
    banner,
    `  BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.`,
    '  Install it with: apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH)',
    inCi() ? '  CI=true: a missing browser FAILS the run.' : '  They will not be skipped under CI=true: there a missing browser fails.',
    banner,
  ].join('\n');
  process.stderr.write(`\n${message}\n\n`);
  if (inCi()) {
    it('has Chromium to run the browser tests (required under CI)', () => {
      throw new Error(message);
    });
  }
}

const ARTICLE = {
  title: 'City budget passes after long night',
  url: 'https://news.example/budget',
  outlet: 'City Wire',
  author: 'Sam Reporter',
  date: '2026-03-02',
  body:
    'The council approved a $1.2 billion budget on Tuesday 😀 after six hours of debate. Mayor Ana Ruiz said spending on parks rose by 12% since 2024.\n' +
    'Crime fell by a third last year, according to police data. Thank you all for coming!\n' +
    'The “rainy-day” fund now holds $80 million, the highest on record.',
};

(available ? describe : describe.skip)('the web desk in Chromium', () => {
  let server: { base: string };
  let browser: Browser;
  const watch: Watch = { offOrigin: [], problems: [] };
  const contexts: BrowserContext[] = [];
  let editorPage: Page;
  let articleId: string;
  let editorPassword: string = account('editor').password;

  const open = async (viewport?: { width: number; height: number }) => {
    const context = await newContext(browser, server.base, watch, viewport);
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (page: Page, role: 'admin' | 'editor' | 'reviewer', password: string = account(role).password) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(account(role).email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
  };
  const expectAccessible = async (page: Page, view: string) => {
    const violations = await seriousViolations(page);
    expect({ view, violations }).toEqual({ view, violations: [] });
  };
  const editorToken = async () => (await apiLogin(server.base, account('editor').email, editorPassword)).token;
  const claimsOf = async (id: string) =>
    (await apiCall<ListPage<Claim>>(server.base, await editorToken(), 'GET', `/api/articles/${id}/claims`)).items;
  const panel = (page: Page) => page.locator('.panel-col');
  const textClaims = (page: Page) => page.locator('.article-text [data-claim-id]');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = sharedServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    // The server is shared with the other files: give the editor their demo password back.
    if (server && editorPassword !== account('editor').password) {
      const admin = await apiLogin(server.base, account('admin').email, account('admin').password);
      const editor = await apiLogin(server.base, account('editor').email, editorPassword);
      await apiCall(server.base, admin.token, 'PATCH', `/api/users/${editor.user.id}`, { password: account('editor').password });
    }
  });

  it('signs a reviewer in, offers no import or triage, and passes axe on sign-in, articles, article and queue', async () => {
    const page = await open();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');

    await page.getByLabel('Email').fill(account('reviewer').email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();

    await signIn(page, 'reviewer');
    await page.getByText('Riley Reviewer').waitFor();
    await page.locator('.article-card').first().waitFor();
    expect(await page.getByRole('button', { name: 'Import an article' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await expectAccessible(page, 'articles');

    await page.locator('.article-card a').first().click();
    await textClaims(page).first().click();
    await panel(page).getByRole('heading', { name: 'Check-worthiness hint' }).waitFor();
    await panel(page).getByRole('heading', { name: 'History' }).waitFor();
    await panel(page).locator('.history li').first().waitFor();
    expect(await panel(page).getByRole('heading', { name: 'Triage' }).count()).toBe(0);
    for (const name of ['Mark not check-worthy', 'Save claimant', 'Split the claim', 'Merge with the next claim']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await expectAccessible(page, 'article and claim panel (reviewer)');

    await page.getByRole('link', { name: 'Desk queue' }).click();
    await page.getByRole('heading', { name: 'Desk queue' }).waitFor();
    await page.locator('table.queue tbody tr').first().waitFor();
    await expectAccessible(page, 'queue');
    // A reviewer who types the admin address gets a refusal, not the page.
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Not for your role' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('lets an editor import an article; a validation error is shown by its field and keeps the form', async () => {
    editorPage = await open();
    const page = editorPage;
    await signIn(page, 'editor');
    await page.getByRole('button', { name: 'Import an article' }).click();
    await page.getByLabel('Title', { exact: true }).fill(ARTICLE.title);
    await page.getByLabel('URL', { exact: true }).fill('not a link');
    await page.getByLabel('Outlet', { exact: true }).fill(ARTICLE.outlet);
    await page.getByLabel('Author', { exact: true }).fill(ARTICLE.author);
    await page.getByLabel('Publication date', { exact: true }).fill(ARTICLE.date);
    await page.getByLabel('Article text', { exact: true }).fill(ARTICLE.body);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const urlField = page.locator('.field', { has: page.getByLabel('URL', { exact: true }) });
    await urlField.getByText('Must be an http(s) URL').waitFor();
    expect(await page.getByLabel('URL', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(ARTICLE.title);
    expect(await page.getByLabel('Article text', { exact: true }).inputValue()).toBe(ARTICLE.body);
    await expectAccessible(page, 'import form with an error');

    await page.getByLabel('URL', { exact: true }).fill(ARTICLE.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: ARTICLE.title, level: 1 }).waitFor();
    articleId = page.url().split('/articles/')[1];
    expect(articleId).toMatch(/^[0-9a-f-]{36}$/);

    // Every claim is highlighted over exactly its text, also after the emoji (code points, not UTF-16 units).
    const claims = await claimsOf(articleId);
    expect(claims.length).toBeGreaterThanOrEqual(5);
    await textClaims(page).nth(claims.length - 1).waitFor();
    const shown = await textClaims(page).evaluateAll((elements) =>
      elements.map((el) => ({ id: (el as HTMLElement).dataset.claimId, text: Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('') })),
    );
    expect(shown).toEqual(claims.map((c) => ({ id: c.id, text: c.text })));
    await page.getByText(`${claims.length} claims`).waitFor();
  });

  it('moves between claims with j/k and the arrow keys, opens one with Enter, and reaches triage by Tab', async () => {
    const page = editorPage;
    const claims = await claimsOf(articleId);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claimId ?? null);
    await page.locator('h1').click();
    await page.keyboard.press('j');
    expect(await focused()).toBe(claims[0].id);
    await page.keyboard.press('j');
    expect(await focused()).toBe(claims[1].id);
    await page.keyboard.press('k');
    expect(await focused()).toBe(claims[0].id);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(claims[1].id);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/articles/${articleId}?claim=${claims[1].id}`);
    await panel(page).getByRole('heading', { name: /^Claim 2/ }).waitFor();

    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Mark not check-worthy');
    }
    expect(reached).toBe(true);
  });

  it('triages claims: one not check-worthy, another’s claimant and date; the text, progress and history follow', async () => {
    const page = editorPage;
    const claims = await claimsOf(articleId);
    // "Thank you all for coming!" is no claim to check.
    const pleasantry = claims.find((c) => c.text.startsWith('Thank you'))!;
    await page.locator(`.article-text [data-claim-id="${pleasantry.id}"]`).click();
    await panel(page).getByRole('heading', { name: new RegExp(`^Claim ${pleasantry.position}`) }).waitFor();
    await page.getByRole('button', { name: 'Mark not check-worthy' }).click();
    await page.getByText('Marked not check-worthy.').waitFor();
    await page.locator(`.article-text [data-claim-id="${pleasantry.id}"]`).getByText('not check-worthy').waitFor();
    await page.locator('.article-head').getByText(`${claims.length - 1}`, { exact: true }).waitFor();
    await panel(page).locator('.history').getByText('check-worthy: yes → no').waitFor();

    // The mayor made the second claim, the day before publication.
    const target = claims[1];
    await page.locator(`.claim-list [data-claim-id="${target.id}"]`).click();
    await panel(page).getByRole('heading', { name: /^Claim 2/ }).waitFor();
    await page.getByLabel('Claimant', { exact: true }).fill('Ana Ruiz');
    await page.getByLabel("Claimant's role").fill('Mayor');
    await page.getByLabel('Claim date').fill('2026-03-01');
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await page.getByText('Claimant and date saved.').waitFor();
    await panel(page).locator('.facts').getByText('Ana Ruiz, Mayor').waitFor();
    await panel(page).locator('.history').getByText('claimant: none → Ana Ruiz').waitFor();

    const stored = await claimsOf(articleId);
    expect(stored.find((c) => c.id === target.id)).toMatchObject({ checkWorthy: true, claimant: { name: 'Ana Ruiz', role: 'Mayor' }, claimDate: '2026-03-01', claimantIsDefault: false });
    expect(stored.find((c) => c.id === pleasantry.id)).toMatchObject({ checkWorthy: false });
    await expectAccessible(page, 'article and claim panel (editor)');

    // The triage tools, as the README shows them.
    await panel(page).locator('section', { has: page.getByRole('heading', { name: 'Triage', level: 3 }) }).screenshot({ path: path.join(SCREENSHOTS, 'claim-triage.png') });
  });

  it('on a stale version, says who changed what, keeps the typed input, and saves after a reload', async () => {
    const page = editorPage;
    const target = (await claimsOf(articleId))[1];
    await page.getByLabel('Claimant', { exact: true }).fill('Stale Edit');
    // Someone else (the same desk account, from another tab) changes the claim meanwhile.
    await apiCall(server.base, await editorToken(), 'PATCH', `/api/claims/${target.id}`, { claimDate: '2026-02-28', version: target.version });
    await page.getByRole('button', { name: 'Save claimant' }).click();

    const conflict = page.locator('.conflict');
    await conflict.getByText('Not saved: this claim changed since you opened it.').waitFor();
    await conflict.getByText(/Eddie Editor changed claim date \(version \d+/).waitFor();
    expect(await page.getByLabel('Claimant', { exact: true }).inputValue()).toBe('Stale Edit');
    expect(await page.getByLabel("Claimant's role").inputValue()).toBe('Mayor');

    await conflict.getByRole('button', { name: 'Reload the claim' }).click();
    await page.getByText(/Reloaded version \d+\. Your input is still here/).waitFor();
    expect(await page.getByLabel('Claimant', { exact: true }).inputValue()).toBe('Stale Edit');
    await panel(page).locator('.facts').getByText('28 Feb 2026').waitFor(); // the reloaded state shows
    await page.getByRole('button', { name: 'Save claimant' }).click();
    await page.getByText('Claimant and date saved.').waitFor();
    expect((await claimsOf(articleId)).find((c) => c.id === target.id)!.claimant).toEqual({ name: 'Stale Edit', role: 'Mayor' });
  });

  it('splits a claim at a chosen point, merges it back, narrows it to a selection and undoes that', async () => {
    const page = editorPage;
    const before = await claimsOf(articleId);
    const target = before.find((c) => c.text.startsWith('Mayor Ana Ruiz'))!;
    await textClaims(page).and(page.locator(`[data-claim-id="${target.id}"]`)).click();
    await panel(page).getByRole('heading', { name: new RegExp(`^Claim ${target.position}`) }).waitFor();
    await page.getByText('Change what the claim covers: narrow, split, merge').click();
    const cut = target.start + Array.from(target.text).indexOf('s'); // before "said"
    await page.getByLabel('Split at character').fill(String(cut));
    await page.locator('.split-preview').getByText('Mayor Ana Ruiz', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Split the claim' }).click();
    await page.getByText('Split in two: this claim keeps the first part.').waitFor();
    await textClaims(page).nth(before.length).waitFor();
    expect((await claimsOf(articleId)).length).toBe(before.length + 1);

    await page.getByRole('button', { name: 'Merge with the next claim' }).click();
    await page.getByText('Merged with the next claim.').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.article-text [data-claim-id]').length === n, before.length);
    expect((await claimsOf(articleId)).find((c) => c.id === target.id)!.text).toBe(target.text);

    // Narrow by selecting the checkable part of the sentence (with a space either side: the UI trims them).
    const part = 'spending on parks rose by 12%';
    const from = target.text.indexOf(part);
    await page.locator('#narrow-sentence').evaluate((el, [a, b]) => (el as HTMLTextAreaElement).setSelectionRange(a, b), [from - 1, from + part.length + 1]);
    await page.getByRole('button', { name: 'Use the selected text' }).click();
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe(String(target.start + from));
    await page.getByRole('button', { name: 'Narrow the claim' }).click();
    await page.getByText('Claim narrowed.').waitFor();
    expect((await claimsOf(articleId)).find((c) => c.id === target.id)).toMatchObject({ text: part, narrowed: true });
    await page.waitForFunction(
      ([id, text]) => {
        const el = document.querySelector(`.article-text [data-claim-id="${id}"]`);
        return el !== null && Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('') === text;
      },
      [target.id, part],
    );
    await page.getByRole('button', { name: 'Undo narrowing' }).click();
    await page.getByText('Back to the whole sentence.').waitFor();
    expect((await claimsOf(articleId)).find((c) => c.id === target.id)).toMatchObject({ text: target.text, narrowed: false });
  });

  it('when the session ends mid-edit, asks to sign in again and keeps the page and the typed input', async () => {
    const page = editorPage;
    const urlBefore = page.url();
    await page.getByLabel('Claimant', { exact: true }).fill('Typed before the session ended');
    // An admin resets the editor's password: every session of the editor ends at once (401 on the next call).
    const admin = await apiLogin(server.base, account('admin').email, account('admin').password);
    const editor = await apiLogin(server.base, account('editor').email, editorPassword);
    editorPassword = 'A-new-desk-passphrase-77';
    await apiCall(server.base, admin.token, 'PATCH', `/api/users/${editor.user.id}`, { password: editorPassword });

    await page.getByRole('button', { name: 'Save claimant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Email').inputValue()).toBe(account('editor').email);
    await expectAccessible(page, 'session-ended dialog');
    await dialog.getByLabel('Password').fill(editorPassword);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Claimant and date saved.').waitFor();
    expect(page.url()).toBe(urlBefore);
    expect(await page.getByLabel('Claimant', { exact: true }).inputValue()).toBe('Typed before the session ended');
  });

  it('shows the desk queue to an editor and filters it', async () => {
    const page = editorPage;
    await page.getByRole('link', { name: 'Desk queue' }).click();
    await page.locator('table.queue tbody tr').first().waitFor();
    await page.getByLabel('Check-worthiness').selectOption('false');
    await page.waitForURL('**/queue?worthy=false');
    await page.locator('table.queue').getByText('Not check-worthy').first().waitFor();
    const rows = await page.locator('table.queue tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(1);
    await page.locator('table.queue tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Check-worthiness hint' }).waitFor();
  });

  it('lets an admin add a user (errors by the field), change a role and deactivate an account', async () => {
    const page = await open();
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a user' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a user' }) });
    await form.getByLabel('Name').fill('Pat Checker');
    await form.getByLabel('Email').fill('pat@checkmate.example');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Add the user' }).click();
    await form.locator('.field__error').first().waitFor();
    expect(await form.getByLabel('Name').inputValue()).toBe('Pat Checker');
    await form.getByLabel('Password').fill('Fact-Checking-Is-Slow-Work-9');
    await form.getByRole('button', { name: 'Add the user' }).click();
    await page.getByText('Pat Checker can now sign in as reviewer.').waitFor();

    await page.getByLabel('Role of Pat Checker').selectOption('editor');
    await page.getByText('Now editor.').waitFor();
    await page.getByRole('button', { name: 'Deactivate Pat Checker' }).click();
    await page.getByText('Deactivated: their sessions ended.').waitFor();
    await page.getByRole('button', { name: 'Reactivate Pat Checker' }).waitFor();
    await expectAccessible(page, 'users');
  });

  it('works at tablet width (768 px) with no sideways scrolling, and asks again when the token expires', async () => {
    const page = await open({ width: 768, height: 1024 });
    await signIn(page, 'editor', editorPassword);
    const claims = await claimsOf(articleId);
    await page.goto(`/articles/${articleId}?claim=${claims[0].id}`);
    await panel(page).getByRole('heading', { name: 'Check-worthiness hint' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expectAccessible(page, 'article at tablet width');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article-tablet.png') });

    // The token's time runs out while the page is open: the dialog asks again, on the same page.
    const url = page.url();
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('checkmate.session')!);
      sessionStorage.setItem('checkmate.session', JSON.stringify({ ...session, expiresAt: new Date(Date.now() + 2000).toISOString() }));
    });
    await page.reload();
    await panel(page).getByRole('heading', { name: 'Check-worthiness hint' }).waitFor();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    await dialog.getByLabel('Password').fill(editorPassword);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(url);
  });

  it('sent every request to the service’s own origin and hit no CSP violation or page error', () => {
    expect(watch.offOrigin).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
