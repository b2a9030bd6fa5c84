/**
 * The review workflow in headless Chromium, on the server the global setup started (demo accounts, the seed article
 * in every stage): an admin's rating scales; an editor imports an article and assigns two reviewers; the assigned
 * reviewer attaches a source (a failed save keeps the form) and submits a verdict; the second reviewer sees no other
 * verdict before submitting; the editor finds the claim in the queue, approves it (the reason the API requires is
 * asked for by its field), publishes, corrects; a stale decision is explained; the scale is locked once verdicts
 * exist; reports download (file name from the API, JSON and CSV parse) and the HTML report opens from a Blob;
 * actions a role may not take are not offered; axe-core finds no serious or critical violation on each view.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { REPORT_FORMATS } from '../../web/src/api/api-values';
import type { Article, Claim, ClaimDetail, Page as ListPage, Verdict } from '../../web/src/api/types';
import { DEMO_ACCOUNTS } from '../../seed/demo-data';
import { apiCall, apiLogin, chromiumInstalled, DOWNLOADS, launchChromium, newContext, SCREENSHOTS, seriousViolations, sharedServer, type Watch } from './support';

type Who = 'admin' | 'editor' | 'reviewer' | 'reviewer2';
const ACCOUNTS: Record<Who, (typeof DEMO_ACCOUNTS)[number]> = {
  admin: DEMO_ACCOUNTS[0],
  editor: DEMO_ACCOUNTS[1],
  reviewer: DEMO_ACCOUNTS[2],
  reviewer2: DEMO_ACCOUNTS[3],
};
const SEED_TITLE = 'Hegseth orders Cyber Command to halt offensive operations against Russia';

const ARTICLE = {
  title: 'Harbour tunnel costs double, council says',
  body:
    'The harbour tunnel will cost $2.4 billion, twice the 2019 estimate. Council leader Mia Chen said the city had no choice.\n' +
    'The tunnel opens to traffic in 2031, three years late.',
};
const SLUG = 'harbour-tunnel-costs-double-council-says';

const has = (format: string) => (REPORT_FORMATS as readonly string[]).includes(format);

/** A minimal CSV reader (quoted cells, doubled quotes, CRLF or LF), enough to prove a report parses. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

(chromiumInstalled() ? describe : describe.skip)('the review workflow in Chromium', () => {
  let server: { base: string };
  let browser: Browser;
  const watch: Watch = { offOrigin: [], problems: [] };
  const contexts: BrowserContext[] = [];
  const pages: Partial<Record<Who, Page>> = {};
  let articleId: string;
  let claims: Claim[];
  let seedId: string;

  const token = async (who: Who) => (await apiLogin(server.base, ACCOUNTS[who].email, ACCOUNTS[who].password)).token;
  const api = async <T>(who: Who, method: string, url: string, body?: unknown) => apiCall<T>(server.base, await token(who), method, url, body);
  const claimDetail = (id: string) => api<ClaimDetail>('editor', 'GET', `/api/claims/${id}`);

  /** A signed-in page for one account, kept for the whole file (its own browser context: its own session). */
  const as = async (who: Who, viewport?: { width: number; height: number }): Promise<Page> => {
    if (pages[who]) return pages[who]!;
    const context = await newContext(browser, server.base, watch, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill(ACCOUNTS[who].email);
    await page.getByLabel('Password').fill(ACCOUNTS[who].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    pages[who] = page;
    return page;
  };
  const expectAccessible = async (page: Page, view: string) => {
    const violations = await seriousViolations(page);
    expect({ view, violations }).toEqual({ view, violations: [] });
  };
  const panel = (page: Page) => page.locator('.panel-col');
  const section = (page: Page, title: string): Locator => panel(page).locator('section.panel-section', { has: page.getByRole('heading', { name: title, level: 3, exact: true }) });
  /** Opens a claim of an article in the page and waits for its panel (history is the last section). */
  const openClaim = async (page: Page, article: string, claimId: string, position: number) => {
    await page.goto(`/articles/${article}?claim=${claimId}`);
    await panel(page).getByRole('heading', { name: new RegExp(`^Claim ${position}\\b`) }).waitFor();
    await section(page, 'History').locator('.history li').first().waitFor();
  };
  const mark = (page: Page, claimId: string) => page.locator(`.article-text [data-claim-id="${claimId}"]`);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DOWNLOADS, { recursive: true });
    server = sharedServer();
    browser = await launchChromium();
    const articles = await api<ListPage<{ id: string; title: string }>>('editor', 'GET', '/api/articles?limit=200');
    seedId = articles.items.find((a) => a.title === SEED_TITLE)!.id;
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('lets an admin read the rating scales (swatches with labels), add a scale, relabel a level, and resolve a stale edit', async () => {
    const page = await as('admin');
    await page.getByRole('link', { name: 'Rating scales' }).click();
    await page.getByRole('heading', { name: 'Rating scales', level: 1 }).waitFor();
    const truth = page.locator('article.scale', { has: page.getByRole('heading', { name: /Truth scale/ }) });
    await truth.locator('.level-tag', { hasText: 'Mostly true' }).waitFor();
    expect(await truth.locator('tbody tr').count()).toBe(8);

    await page.getByRole('button', { name: 'Add a scale' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a scale' }) });
    await form.getByLabel('Scale name').fill('Three-way scale');
    const levels: [string, string, string][] = [
      ['Accurate', '2', '#1a7f37'],
      ['Mixed', '1', '#9a6700'],
      ['Wrong', '0', '#cf222e'],
    ];
    await form.getByRole('button', { name: 'Add a level' }).click();
    for (const [i, [label, value, color]] of levels.entries()) {
      await form.getByLabel(`Label of level ${i + 1}`).fill(label);
      await form.getByLabel(`Value of level ${i + 1}`).fill(value);
      await form.getByLabel(`Colour of level ${i + 1}`).fill(color);
    }
    // A value that is not a number: the API's message shows by that level's field, nothing typed is lost.
    await form.getByLabel('Value of level 3').fill('zero');
    await form.getByRole('button', { name: 'Add the scale' }).click();
    await form.locator('.level-row').nth(2).locator('.field__error').waitFor();
    expect(await form.getByLabel('Label of level 3').inputValue()).toBe('Wrong');
    await form.getByLabel('Value of level 3').fill('0');
    await form.getByRole('button', { name: 'Add the scale' }).click();
    await page.getByText('Scale “Three-way scale” added.').waitFor();
    const threeWay = page.locator('article.scale', { has: page.getByRole('heading', { name: /Three-way scale/ }) });
    await threeWay.locator('.level-tag', { hasText: 'Mixed' }).waitFor();
    await expectAccessible(page, 'rating scales');

    // Relabel and recolour a level; meanwhile another admin renames the scale: the conflict says who changed what.
    await threeWay.getByRole('button', { name: 'Edit Three-way scale' }).click();
    await threeWay.getByLabel('Label of level 2').fill('Partly accurate');
    await threeWay.getByLabel('Colour of level 2').fill('#8a5a00');
    const scales = await api<ListPage<{ id: string; name: string; version: number }>>('admin', 'GET', '/api/rating-scales');
    const stale = scales.items.find((s) => s.name === 'Three-way scale')!;
    await api('admin', 'PATCH', `/api/rating-scales/${stale.id}`, { description: 'Three outcomes, for quick checks.', version: stale.version });
    await threeWay.getByRole('button', { name: 'Save changes' }).click();
    const conflict = threeWay.locator('.conflict');
    await conflict.getByText('Not saved: this scale changed since you opened it.').waitFor();
    await conflict.getByText(/Ada Admin changed description \(version \d+/).waitFor();
    expect(await threeWay.getByLabel('Label of level 2').inputValue()).toBe('Partly accurate');
    await conflict.getByRole('button', { name: 'Reload the scale' }).click();
    await threeWay.getByText(/Reloaded version \d+\. Your input is still here/).waitFor();
    await threeWay.getByRole('button', { name: 'Save changes' }).click();
    await threeWay.locator('.level-tag', { hasText: 'Partly accurate' }).waitFor();
    await threeWay.getByText('Three outcomes, for quick checks.').waitFor();
  });

  it('lets an editor import an article and assign two reviewers with due dates; the text shows the new status', async () => {
    const page = await as('editor');
    await page.getByRole('button', { name: 'Import an article' }).click();
    await page.getByLabel('Title', { exact: true }).fill(ARTICLE.title);
    await page.getByLabel('Article text', { exact: true }).fill(ARTICLE.body);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: ARTICLE.title, level: 1 }).waitFor();
    articleId = page.url().split('/articles/')[1];
    claims = (await api<Article>('editor', 'GET', `/api/articles/${articleId}`)).claims;
    expect(claims.length).toBe(3);

    await mark(page, claims[0].id).click();
    const assignees = section(page, 'Assignees');
    await assignees.getByText('No one is assigned yet.').waitFor();
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    await assignees.getByLabel('Person').selectOption({ label: 'Riley Reviewer' });
    await assignees.getByLabel('Due date (optional)').fill(soon);
    await assignees.getByRole('button', { name: 'Assign', exact: true }).click();
    await assignees.getByText('Riley Reviewer assigned.').waitFor();
    await assignees.getByLabel('Person').selectOption({ label: 'Sam Second' });
    await assignees.getByLabel('Due date (optional)').fill(later);
    await assignees.getByRole('button', { name: 'Assign', exact: true }).click();
    await assignees.getByText('Sam Second assigned.').waitFor();
    expect(await assignees.locator('.assignee', { hasText: 'Riley Reviewer' }).getByText('Verdict: Not started').count()).toBe(1);
    await mark(page, claims[0].id).getByText('1 · In review').waitFor();

    const detail = await claimDetail(claims[0].id);
    expect(detail.assignments.map((a) => [a.reviewer.name, Boolean(a.dueAt)])).toEqual([
      ['Riley Reviewer', true],
      ['Sam Second', true],
    ]);
    expect(detail.status).toBe('in_review');
  });

  it('shows a reviewer their assignments, due soonest first with the overdue one marked', async () => {
    const page = await as('reviewer');
    await page.getByRole('link', { name: 'My assignments' }).click();
    await page.getByRole('heading', { name: 'My assignments', level: 1 }).waitFor();
    const rows = page.locator('table.assignments tbody tr');
    await rows.first().waitFor();
    // Waiting for my verdict: the seed's overdue claim (due yesterday) first, then the new one.
    expect(await rows.count()).toBe(2);
    await rows.nth(0).getByText('Overdue', { exact: true }).waitFor();
    await rows.nth(1).getByRole('link', { name: claims[0].text }).waitFor();
    expect(await rows.nth(1).getByText('Overdue', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'All, submitted too' }).click();
    await page.waitForURL('**/assignments?show=all');
    await page.locator('table.assignments tbody tr', { hasText: 'Submitted' }).first().waitFor();
    await expectAccessible(page, 'my assignments');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'my-assignments.png'), fullPage: true });
    await page.getByRole('link', { name: 'Waiting for my verdict' }).click();
    await rows.nth(1).getByRole('link', { name: claims[0].text }).click();
    await panel(page).getByRole('heading', { name: /^Claim 1\b/ }).waitFor();
  });

  it('offers a reviewer no assign, approve or publish, and no verdict or source tools on a claim they are not assigned to', async () => {
    const page = await as('reviewer');
    await openClaim(page, articleId, claims[1].id, 2);
    for (const heading of ["Editor's decision", 'Triage', 'Verdicts']) expect(await panel(page).getByRole('heading', { name: heading, exact: true }).count()).toBe(0);
    for (const button of ['Add a source', 'Assign', 'Approve', 'Publish', 'Submit verdict']) expect(await panel(page).getByRole('button', { name: button, exact: true }).count()).toBe(0);
    await section(page, 'Sources').getByText("The claim's assignees and editors attach sources.").waitFor();

    // An approved claim of the seed article, which this reviewer worked on: still no publishing for them.
    const seedClaims = (await api<Article>('editor', 'GET', `/api/articles/${seedId}`)).claims;
    await openClaim(page, seedId, seedClaims[21].id, 22);
    await section(page, 'Fact-check').getByText('Approved, not yet published').waitFor();
    expect(await panel(page).getByRole('button', { name: /Publish|Send back|Reopen|Remove/ }).count()).toBe(0);
  });

  it('lets the assigned reviewer attach a source by keyboard (a failed save keeps the form) and submit a verdict', async () => {
    const page = await as('reviewer');
    await openClaim(page, articleId, claims[0].id, 1);
    expect(await panel(page).getByRole('heading', { name: 'Assign someone' }).count()).toBe(0);
    expect(await panel(page).getByRole('button', { name: /^(Approve|Publish)$/ }).count()).toBe(0);
    const verdicts = section(page, 'Verdicts');
    await verdicts.getByText('Other verdicts are hidden until you submit yours.').waitFor();

    // Keyboard: the panel's section links jump to Sources; Tab reaches "Add a source"; Enter opens the form there.
    await panel(page).getByRole('navigation', { name: 'Sections of the claim panel' }).getByRole('button', { name: 'Sources' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sources');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add a source');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === 'Source URL');
    await page.keyboard.type('council minutes, page 4');

    const sources = section(page, 'Sources');
    await sources.getByLabel('Source title').fill('Council minutes, 12 March');
    await sources.getByLabel('Publisher').fill('City council');
    await sources.getByLabel('Type of source').selectOption('primary_document');
    await sources.getByRole('radio', { name: 'Refutes' }).check();
    await sources.getByLabel('Excerpt').fill('The revised estimate is $1.9 billion.');
    await sources.getByRole('button', { name: 'Attach the source' }).click();
    const urlField = sources.locator('.field', { has: page.getByLabel('Source URL') });
    await urlField.locator('.field__error').waitFor();
    expect(await page.getByLabel('Source URL').getAttribute('aria-invalid')).toBe('true');
    expect(await sources.getByLabel('Source title').inputValue()).toBe('Council minutes, 12 March');
    expect(await sources.getByLabel('Excerpt').inputValue()).toBe('The revised estimate is $1.9 billion.');
    await sources.getByLabel('Source URL').fill('https://council.example/minutes/2026-03-12.pdf');
    await sources.getByRole('button', { name: 'Attach the source' }).click();
    await sources.getByText('Source “Council minutes, 12 March” attached.').waitFor();
    const source = sources.locator('.source', { hasText: 'Council minutes, 12 March' });
    await source.getByText('Attached by Riley Reviewer').waitFor();
    await source.getByText('Refutes', { exact: true }).waitFor();

    // Submitting without a rationale fails by its field; the chosen level and sources stay.
    await verdicts.getByRole('radio', { name: /^False/ }).check();
    await verdicts.getByRole('checkbox', { name: /Council minutes/ }).check();
    await verdicts.getByRole('button', { name: 'Submit verdict' }).click();
    const rationale = verdicts.locator('.field', { has: page.getByLabel('Rationale', { exact: true }) });
    await rationale.getByText('Is required to submit').waitFor();
    expect(await verdicts.getByRole('radio', { name: /^False/ }).isChecked()).toBe(true);
    expect(await verdicts.getByRole('checkbox', { name: /Council minutes/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'claim panel (assigned reviewer, verdict form with an error)');

    await verdicts.getByLabel('Rationale', { exact: true }).fill('The minutes show a revised estimate of $1.9 billion, not $2.4 billion.');
    await verdicts.getByRole('button', { name: 'Save draft' }).click();
    await verdicts.getByText('Draft saved.').waitFor();
    await verdicts.getByRole('button', { name: 'Submit verdict' }).click();
    const mine = verdicts.locator('.verdict', { hasText: 'Your verdict' });
    await mine.getByText('Submitted', { exact: true }).waitFor();
    await mine.getByText(/frozen unless an editor reopens it/).waitFor();
    expect(await verdicts.getByRole('button', { name: 'Submit verdict' }).count()).toBe(0);
    await verdicts.getByText('Other verdicts are hidden until you submit yours.').waitFor({ state: 'detached' });
    await section(page, 'Assignees').locator('.assignee', { hasText: 'Riley Reviewer' }).getByText('Verdict: Submitted').waitFor();
  });

  it('shows the second reviewer no other verdict or consensus before they submit, and both after', async () => {
    const page = await as('reviewer2');
    await openClaim(page, articleId, claims[0].id, 1);
    const verdicts = section(page, 'Verdicts');
    await verdicts.getByText('Other verdicts are hidden until you submit yours.').waitFor();
    expect(await verdicts.getByText('Riley Reviewer').count()).toBe(0);
    expect(await verdicts.getByText(/revised estimate/).count()).toBe(0);
    await section(page, 'Consensus').getByText('Hidden until you submit your verdict (blind review).').waitFor();
    // The page renders what the API returns: only Sam's own (none yet).
    const seen = await apiCall<ListPage<Verdict>>(server.base, await token('reviewer2'), 'GET', `/api/claims/${claims[0].id}/verdicts`);
    expect(seen.items).toEqual([]);
    await expectAccessible(page, 'claim panel (second reviewer, blind)');

    await verdicts.getByRole('radio', { name: /^Mostly false/ }).check();
    await verdicts.getByLabel('Rationale', { exact: true }).fill('The estimate was revised, but costs still rose sharply.');
    await verdicts.getByRole('button', { name: 'Submit verdict' }).click();
    await verdicts.locator('.verdict', { hasText: 'Your verdict' }).getByText('Submitted', { exact: true }).waitFor();
    await verdicts.locator('.verdict', { hasText: 'Riley Reviewer' }).getByText('False', { exact: true }).waitFor();
    const consensus = section(page, 'Consensus');
    await consensus.getByText(/No consensus yet \(rule: majority\): 2 submitted, 50% on the most chosen level\./).waitFor();
    expect(await consensus.locator('.distribution tbody tr').count()).toBe(2);
    await mark(page, claims[0].id).getByText('1 · Awaiting approval').waitFor();
  });

  it('lets an editor find the claim in the queue, approve it (the required reason by its field), publish and correct it', async () => {
    const page = await as('editor');
    await page.getByRole('link', { name: 'Desk queue' }).click();
    await page.getByRole('link', { name: 'Overdue', exact: true }).click();
    await page.waitForURL('**/queue?status=any&overdue=true');
    await page.locator('table.queue tbody tr', { hasText: /ransomware/i }).first().waitFor();
    await page.getByLabel('Assignee').selectOption('none');
    await page.waitForURL('**/queue?status=any&assignee=none&overdue=true');
    await page.getByRole('link', { name: 'Awaiting approval', exact: true }).click();
    await page.waitForURL('**/queue?status=awaiting_approval');
    const row = page.locator('table.queue tbody tr', { hasText: claims[0].text });
    await row.waitFor();
    expect(await page.getByRole('link', { name: 'Awaiting approval', exact: true }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'queue presets');
    await row.getByRole('link').click();
    await panel(page).getByRole('heading', { name: /^Claim 1\b/ }).waitFor();
    await section(page, 'History').locator('.history li').first().waitFor();
    await expectAccessible(page, 'claim panel with every section (editor, awaiting approval)');

    const decision = section(page, "Editor's decision");
    await decision.getByRole('radio', { name: /^False/ }).check();
    await decision.getByLabel('Public rationale').fill('The council’s own minutes put the revised cost at $1.9 billion, not $2.4 billion.');
    await decision.getByRole('button', { name: 'Approve' }).click();
    const reason = decision.locator('.field', { has: page.getByLabel('Reason for departing from the consensus (desk only)') });
    await reason.getByText('Is required because there is no consensus').waitFor();
    expect(await decision.getByLabel('Public rationale').inputValue()).toMatch(/^The council’s own minutes/);
    await decision.getByLabel('Reason for departing from the consensus (desk only)').fill('The minutes are the primary record; Sam’s rating overstated the rise.');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await decision.getByText('Approved. Publish it when it is ready to go public.').waitFor();
    await section(page, 'Fact-check').getByText('Approved, not yet published').waitFor();
    await mark(page, claims[0].id).getByText('1 · False · approved').waitFor();

    await decision.getByRole('button', { name: 'Publish', exact: true }).click();
    await decision.getByText('Published.', { exact: true }).waitFor();
    const factCheck = section(page, 'Fact-check');
    await factCheck.locator('.ruling', { hasText: 'Revision 1' }).getByText('False', { exact: true }).waitFor();
    await factCheck.getByText('Council minutes, 12 March').waitFor();
    await mark(page, claims[0].id).getByText('1 · False · published').waitFor();
    expect(await mark(page, claims[0].id).evaluate((el) => [el.classList.contains('claim--verdict'), (el as HTMLElement).style.getPropertyValue('--level')])).toEqual([
      true,
      '#cf222e',
    ]);
    await page.locator('.article-head').getByText('1 checked').waitFor();

    // A correction: a new level with a public note, then republished; both revisions stay readable.
    await decision.getByText('Open a correction').click();
    await decision.getByRole('group', { name: 'New level' }).getByRole('radio', { name: /^Mostly false/ }).check();
    await decision.getByLabel('Public correction note').fill('We first compared against the wrong estimate; the cost rose, by less than claimed.');
    await decision.getByRole('button', { name: 'Open the correction' }).click();
    await decision.getByText('Correction opened: publish it to make it current.').waitFor();
    await decision.getByRole('button', { name: 'Publish the correction' }).click();
    await decision.getByText('Correction published.').waitFor();
    await factCheck.locator('.ruling', { hasText: 'Revision 2' }).getByText('We first compared against the wrong estimate', { exact: false }).waitFor();
    await factCheck.locator('.ruling--superseded', { hasText: 'Revision 1' }).waitFor();
    await mark(page, claims[0].id).getByText('1 · Mostly false · published').waitFor();
  });

  it('keeps the rating scale once verdicts exist (409 SCALE_LOCKED by the field) and explains a decision someone else took first', async () => {
    const page = await as('editor');
    await page.goto(`/articles/${articleId}`);
    await page.getByRole('button', { name: 'Change the rating scale' }).click();
    await page.getByLabel('Rating scale of this article').selectOption({ label: 'Three-way scale' });
    await page.getByRole('button', { name: 'Save the scale' }).click();
    const field = page.locator('.field', { has: page.getByLabel('Rating scale of this article') });
    await field.getByText('The rating scale is fixed once the first verdict on this article exists').waitFor();
    expect(await page.getByLabel('Rating scale of this article').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // The seed's approved claim 22: another editor publishes it while this page shows "Publish".
    const seedClaims = (await api<Article>('editor', 'GET', `/api/articles/${seedId}`)).claims;
    const approved = seedClaims[21];
    await openClaim(page, seedId, approved.id, 22);
    const decision = section(page, "Editor's decision");
    await decision.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    await api('editor', 'POST', `/api/claims/${approved.id}/publish`, {});
    await decision.getByRole('button', { name: 'Publish', exact: true }).click();
    const conflict = decision.locator('.conflict');
    await conflict.getByText('Not saved: this claim changed since you opened it.').waitFor();
    await conflict.getByText(/Eddie Editor changed status/).waitFor();
    await conflict.getByRole('button', { name: 'Reload the claim' }).click();
    await decision.getByText('Open a correction').waitFor();
    expect(await decision.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    await section(page, 'Fact-check').locator('.ruling', { hasText: 'Revision 1' }).waitFor();
  });

  it('downloads reports with the session token (names from the API; JSON and CSV parse) and opens the HTML report from a Blob', async () => {
    const page = await as('editor');
    await page.goto(`/articles/${articleId}`);
    const exportBox = page.getByRole('group', { name: "Export the article's report" });
    await exportBox.getByRole('button', { name: /^JSON report/ }).waitFor();
    const buttons = await exportBox.locator('.actions button').allTextContents();
    // One button per format of the API's list (read from the OpenAPI document at build time), plus Open HTML.
    expect(buttons.filter((b) => !b.startsWith('Open')).map((b) => b.replace(/ report.*$/, ''))).toEqual(
      REPORT_FORMATS.map((f) => ({ json: 'JSON', csv: 'CSV', markdown: 'Markdown', html: 'HTML', claimreview: 'ClaimReview JSON-LD', annotations: 'Web Annotations' })[f as string] ?? f.toUpperCase()),
    );

    const download = async (label: string) => {
      const [request, file] = await Promise.all([
        page.waitForRequest((r) => r.url().includes(`/api/articles/${articleId}/report?`)),
        page.waitForEvent('download'),
        exportBox.getByRole('button', { name: new RegExp(`^${label} report`) }).click(),
      ]);
      const headers = await request.allHeaders();
      expect(headers.authorization).toMatch(/^Bearer /);
      expect(headers.cookie).toBeUndefined();
      const saved = path.join(DOWNLOADS, file.suggestedFilename());
      await file.saveAs(saved);
      return { name: file.suggestedFilename(), text: readFileSync(saved, 'utf8') };
    };

    const json = await download('JSON');
    expect(json.name).toBe(`${SLUG}.json`);
    const report = JSON.parse(json.text) as { article: { id: string }; claims: { id: string; finalVerdict: { level: { label: string } } | null }[] };
    expect(report.article.id).toBe(articleId);
    expect(report.claims.find((c) => c.id === claims[0].id)!.finalVerdict!.level.label).toBe('Mostly false');
    await exportBox.getByText(`Downloaded ${SLUG}.json.`).waitFor();

    await exportBox.getByRole('radio', { name: 'Public' }).check();
    const publicJson = await download('JSON');
    expect(publicJson.name).toBe(`${SLUG}-public.json`);
    expect(JSON.parse(publicJson.text).audience).toBe('public');
    await exportBox.getByRole('radio', { name: 'Desk' }).check();

    if (has('csv')) {
      const csv = await download('CSV');
      expect(csv.name).toBe(`${SLUG}.csv`);
      const rows = parseCsv(csv.text).filter((r) => r.some((cell) => cell !== ''));
      expect(rows.length).toBeGreaterThan(claims.length); // a header and at least one row per claim
      expect(rows.slice(1).every((r) => r.length === rows[0].length)).toBe(true);
    } else {
      process.stderr.write('  (no csv format in the API yet: the CSV download check is skipped)\n');
    }

    if (has('html')) {
      const html = await (await fetch(`${server.base}/api/articles/${articleId}/report?format=html`, { headers: { Authorization: `Bearer ${await token('editor')}` } })).text();
      const [tab] = await Promise.all([page.context().waitForEvent('page'), exportBox.getByRole('button', { name: 'Open HTML report' }).click()]);
      await tab.waitForURL(/^blob:/);
      await tab.waitForFunction(() => document.readyState === 'complete' && !document.querySelector('[data-checkmate-style]'));
      await exportBox.getByText(/^Opened .+\.html in a new tab\.$/).waitFor();
      expect(await tab.evaluate(() => document.body.textContent)).toContain(ARTICLE.title);
      expect(await tab.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
      // The report's own styles apply (through the CSSOM: the page's CSP allows no inline styles).
      if (/<style[\s>]/i.test(html)) expect(await tab.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
      await tab.close();
    } else {
      expect(await exportBox.getByRole('button', { name: 'Open HTML report' }).count()).toBe(0);
      process.stderr.write('  (no html format in the API yet: the Open HTML report check is skipped)\n');
    }
  });

  it('lets an editor reopen a verdict, remove an assignee, add a desk note, send a claim back and retract one; a source edit survives a conflict', async () => {
    const editor = await as('editor');
    const seedClaims = (await api<Article>('editor', 'GET', `/api/articles/${seedId}`)).claims;
    const blind = seedClaims[15]; // claim 16: Riley submitted, Sam drafting
    await openClaim(editor, seedId, blind.id, 16);
    const verdicts = section(editor, 'Verdicts');
    await verdicts.locator('.verdict', { hasText: 'Sam Second' }).getByText('Draft', { exact: true }).waitFor();
    await verdicts.getByRole('button', { name: "Reopen Riley Reviewer's verdict" }).click();
    await verdicts.getByText("Riley Reviewer's verdict is a draft again.").waitFor();
    const assignees = section(editor, 'Assignees');
    await assignees.locator('.assignee', { hasText: 'Riley Reviewer' }).getByText('Verdict: Draft').waitFor();
    await assignees.getByRole('button', { name: 'Remove Sam Second' }).click();
    await assignees.locator('.assignee', { hasText: 'Sam Second' }).waitFor({ state: 'detached' });
    const notes = section(editor, 'Desk notes');
    await notes.getByLabel('Add a desk note').fill('Sam is on leave; Riley, please finish this one.');
    await notes.getByRole('button', { name: 'Add the note' }).click();
    await notes.locator('.note-list li', { hasText: 'Sam is on leave' }).getByText(/^Eddie Editor,/).waitFor();

    // Riley changes her source's stance; meanwhile an editor changed its excerpt: she is told, reloads, saves.
    const riley = await as('reviewer');
    await openClaim(riley, seedId, blind.id, 16);
    const sources = section(riley, 'Sources');
    const link = (await api<ListPage<{ sourceId: string; version: number }>>('editor', 'GET', `/api/claims/${blind.id}/sources`)).items[0];
    await sources.getByRole('button', { name: /^Edit stance or excerpt of ODNI/ }).click();
    await sources.getByRole('radio', { name: 'Context' }).check();
    await api('editor', 'PATCH', `/api/claims/${blind.id}/sources/${link.sourceId}`, { excerpt: 'The 2024 election security update.', version: link.version });
    await sources.getByRole('button', { name: 'Save the stance and excerpt' }).click();
    await sources.locator('.conflict').getByText('Not saved: this source changed since you opened it.').waitFor();
    await sources.locator('.conflict').getByText(/Eddie Editor changed excerpt/).waitFor();
    expect(await sources.getByRole('radio', { name: 'Context' }).isChecked()).toBe(true);
    await sources.getByRole('button', { name: 'Reload the source' }).click();
    await sources.getByRole('button', { name: 'Save the stance and excerpt' }).click();
    await sources.locator('.source', { hasText: 'ODNI' }).getByText('Context', { exact: true }).waitFor();

    // Send back: a claim awaiting approval (set up through the API) goes back to review with a note for the desk.
    const third = claims[2];
    const rileyId = (await apiLogin(server.base, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).user.id;
    await api('editor', 'POST', `/api/claims/${third.id}/assignments`, { reviewerId: rileyId });
    await api('reviewer', 'PUT', `/api/claims/${third.id}/verdicts/mine`, { levelKey: 'true', rationale: 'The schedule says 2031.', submit: true });
    await openClaim(editor, articleId, third.id, 3);
    const decision = section(editor, "Editor's decision");
    await decision.getByText('Send back to review').click();
    await decision.getByLabel('Note to the reviewers').fill('Check the three-year delay too.');
    await decision.getByRole('button', { name: 'Send back' }).click();
    await decision.waitFor({ state: 'detached' }); // in review: no decision to take
    await section(editor, 'Desk notes').getByText('Sent back to review: Check the three-year delay too.').waitFor();
    await mark(editor, third.id).getByText('3 · In review').waitFor();

    // Retract the corrected claim: the public note shows, and the text shows the status, not the withdrawn verdict.
    await openClaim(editor, articleId, claims[0].id, 1);
    await section(editor, "Editor's decision").getByText('Retract the fact-check').click();
    await section(editor, "Editor's decision").getByLabel('Public retraction note').fill('The council withdrew the figures we relied on.');
    await section(editor, "Editor's decision").getByRole('button', { name: 'Retract' }).click();
    await section(editor, 'Fact-check').locator('.retraction').getByText('The council withdrew the figures we relied on.').waitFor();
    await mark(editor, claims[0].id).getByText('1 · Retracted').waitFor();
    expect(await mark(editor, claims[0].id).evaluate((el) => el.classList.contains('claim--verdict'))).toBe(false);
  });

  it('shows the seed article by verdict colour and label, and a published, corrected claim with its sources (screenshots)', async () => {
    const page = await as('editor');
    const seedClaims = (await api<Article>('editor', 'GET', `/api/articles/${seedId}`)).claims;
    const corrected = seedClaims[25];
    await openClaim(page, seedId, corrected.id, 26);
    await mark(page, corrected.id).getByText('26 · True · published').waitFor();
    await mark(page, seedClaims[0].id).getByText('1 · True · published').waitFor();
    await mark(page, seedClaims[15].id).getByText('16 · In review').waitFor();
    await page.locator('.legend summary').click();
    await page.locator('.legend__list--levels').getByText('Pants on fire').waitFor();
    await page.locator('.legend summary').click();
    const factCheck = section(page, 'Fact-check');
    await factCheck.getByText('Correction note:').waitFor();
    await factCheck.locator('.ruling--superseded', { hasText: 'Revision 1' }).getByText('Mostly true', { exact: true }).waitFor();
    await section(page, 'Sources').getByRole('link', { name: /^NSA press room/ }).waitFor();
    await expectAccessible(page, 'claim panel (editor, published and corrected)');

    // The part of the text where verdicts and statuses meet (claims 16 to 26), the panel beside it.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await mark(page, seedClaims[15].id).evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -90);
      document.querySelector('.panel-col')?.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article-view.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    // The panel down to its sources (the hint, triage and history sections are in the README's other pictures).
    const col = panel(page);
    await col.evaluate((el) => {
      Object.assign((el as HTMLElement).style, { position: 'static', maxHeight: 'none' });
      el.querySelectorAll('section.panel-section').forEach((s) => {
        const title = s.querySelector('h3')?.textContent ?? '';
        if (['Desk notes', 'Check-worthiness hint', 'Triage', 'History'].includes(title)) (s as HTMLElement).style.display = 'none';
      });
    });
    await col.screenshot({ path: path.join(SCREENSHOTS, 'claim-panel.png') });
    await page.reload();
    await panel(page).getByRole('heading', { name: /^Claim 26\b/ }).waitFor();
  });

  it('sent every request to the service’s own origin and hit no CSP violation or page error', () => {
    expect(watch.offOrigin.filter((url) => !url.startsWith('blob:'))).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
