/**
 * The HTML report of the seed article (in its demo desk state) opened in headless Chromium as the service sends it,
 * Content-Security-Policy included: the checked claims are highlighted in their verdict's colour with their label,
 * footnotes lead to the verdicts, no script exists or runs (also when the article's text holds markup), and the
 * page prints. Saves the README's screenshot when UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS, SEED_ARTICLE } from '../../seed/demo-data';
import { apiCall, apiLogin, chromiumInstalled, inCi, launchChromium, ROOT, SCREENSHOTS, startServer, type RunningServer } from './support';

const available = chromiumInstalled();
if (!available && inCi()) {
  it('has Chromium to render the HTML report (required under CI)', () => {
    throw new Error('No Chromium: install it with apt-get install -y chromium');
  });
}

const shots = process.env.UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS : path.join(ROOT, 'test/browser/output');

(available ? describe : describe.skip)('the HTML report in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  let seedId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const editor = DEMO_ACCOUNTS.find((a) => a.role === 'editor')!;
    token = (await apiLogin(server.base, editor.email, editor.password)).token;
    const list = await apiCall<{ items: Array<{ id: string; title: string }> }>(server.base, token, 'GET', '/api/articles?limit=200');
    seedId = list.items.find((a) => a.title === SEED_ARTICLE.title)!.id;
    mkdirSync(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(articleId: string, audience: 'desk' | 'public') {
    const context = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` }, viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.base)) problems.push(`request to ${request.url()}`);
    });
    const response = await page.goto(`${server.base}/api/articles/${articleId}/report?format=html&audience=${audience}`);
    return { context, page, response, problems };
  }

  it('highlights each checked claim of the seed article in its verdict colour, with its label and a footnote', async () => {
    const { context, page, response, problems } = await open(seedId, 'desk');

    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    const claims = await page.$$eval('[id^="claim-"]', (nodes) =>
      nodes
        .filter((node) => node.tagName.toLowerCase() !== 'li' && node.tagName.toLowerCase() !== 'section')
        .map((node) => ({ text: node.textContent ?? '', background: getComputedStyle(node).backgroundColor, id: node.id })),
    );
    // Demo desk state: claims 1 and 26 published (26 corrected to True), 22 approved.
    expect(claims.length).toBe(3);
    for (const claim of claims) {
      expect(claim.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(claim.text).toMatch(/True|Mostly true/);
    }
    const footnoteTargets = await page.$$eval('a[href^="#"]', (links) => links.map((a) => a.getAttribute('href')!));
    for (const target of footnoteTargets) expect(await page.$(target)).not.toBeNull();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'report-html.png'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('shows the public only published verdicts', async () => {
    const { context, page, problems } = await open(seedId, 'public');
    const text = await page.evaluate(() => document.body.innerText);
    for (const person of DEMO_ACCOUNTS.map((a) => a.name)) expect(text).not.toContain(person);
    const highlighted = await page.$$eval('mark[id^="claim-"], span[id^="claim-"]', (nodes) => nodes.length);
    expect(highlighted).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs no script even when the article and its sources hold markup', async () => {
    const hostile = '<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2"> "quoted" & <b>bold</b>';
    const article = await apiCall<{ id: string; claims: Array<{ id: string }> }>(server.base, token, 'POST', '/api/articles', {
      title: `Markup ${hostile}`,
      body: `The budget grew 3% ${hostile}. Another sentence ${Date.now()}.`,
    });
    const { context, page, problems } = await open(article.id, 'desk');

    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).toContain('<script>window.__ran = 1</script>');
    expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
    await context.close();
  });
});
