/**
 * A valid request for every operation of the document, keyed by operationId: each must be accepted (its status
 * below) and its response must match the document. The values are deliberately unusual but valid (emoji, RTL and
 * zero-width characters, a leap day, offsets, an IDN host, tracking parameters), so an edge that refuses hostile
 * input cannot silently refuse legitimate input too. A new operation without an example fails the test.
 */
import type { TestUser } from '../support/factories';
import { createUser, DEFAULT_TEST_PASSWORD } from '../support/factories';
import { as, unique } from '../support/http';
import type { ActorName } from './requests';
import type { Bundle, Stage, World } from './world';

export interface Example {
  /** The bundle's stage the request needs (default in_review). */
  stage?: Stage;
  /** Who sends it (default admin), or a user made for the example. */
  as?: ActorName | ((world: World) => Promise<TestUser>);
  query?: string | ((bundle: Bundle) => string);
  /** A JSON body, or a function of the bundle (may be async, e.g. to read a claim's offsets). */
  body?: unknown | ((bundle: Bundle, world: World) => unknown);
  /** A text/plain body instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
  status: number;
}

const tagged = (text: string) => `${text} ${unique('ex')}`;
const scaleLevels = [
  { key: 'accurate', label: 'Accurate ✓', value: 1, color: '#1A7F37', description: 'Checks out.' },
  { key: 'mixed', label: 'Mixed – partly', value: -0, color: '#9a6700' },
  { key: 'inaccurate', label: 'Inaccurate ✗', value: -0.5, color: '#cf222e' },
  { key: 'satire', label: 'Satire', value: null, color: '#8250df' },
];

export const VALID_EXAMPLES: Record<string, Example[]> = {
  liveness: [{ status: 200, as: 'anonymous' }],
  readiness: [{ status: 200, as: 'anonymous' }],
  login: [
    {
      as: 'anonymous',
      body: async (_b: Bundle, world: World) => {
        const user = await createUser(world.t.db.prisma, { role: 'reviewer', email: `${unique('login')}@desk.example` });
        return { email: `  ${user.email.toUpperCase()} `, password: DEFAULT_TEST_PASSWORD };
      },
      status: 200,
    },
  ],
  getCurrentUser: [{ status: 200, as: 'reviewer' }],
  changePassword: [
    {
      as: (world) => createUser(world.t.db.prisma, { role: 'reviewer' }),
      body: { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: 'Tidal-Ledger-Quartz-42 ☂ ثلج' },
      status: 200,
    },
  ],
  importArticle: [
    {
      body: () => ({
        title: tagged('Budget vote 🗳️ \u200f«التصويت»\u200e'),
        body: tagged('The council approved a $1.2 billion budget on Tuesday.\tMayor J. R. Smith said it was “a fair deal.” 👍 Zero\u200bwidth and \u202eRTL\u202c text.'),
        url: 'https://bücher.example/news/2024?utm_source=x#top',
        outlet: 'City Wire ✦',
        author: 'Zoë Ångström-Nguyễn',
        publishedAt: '2024-02-29T23:59:59.999+05:30',
      }),
      status: 201,
    },
    { query: () => `title=${encodeURIComponent(tagged('Plain – text ✓'))}&publishedAt=2024-02-29&outlet=Wire`, text: tagged('A plain-text article.\nSecond paragraph, with “quotes”.'), status: 201 },
  ],
  listArticles: [{ query: 'q=Fixture&limit=1', status: 200 }],
  getArticle: [{ status: 200, as: 'reviewer' }],
  updateArticle: [{ stage: 'unreviewed', body: { title: 'Retitled ✓ مرحبا', publishedAt: '2024-02-29', author: 'A. N. Other', version: 1 }, status: 200 }],
  deleteArticle: [{ stage: 'unreviewed', status: 204 }],
  listArticleClaims: [{ query: 'sort=worthiness&status=unreviewed,in_review&checkWorthy=true&limit=2', status: 200 }],
  listClaimQueue: [{ query: 'status=in_review&status=awaiting_approval&assignee=me&overdue=false&limit=200', status: 200 }],
  getClaim: [{ status: 200 }],
  updateClaim: [{ stage: 'unreviewed', body: { claimant: { name: 'Gov. Ana Ruiz 🇪🇸', role: 'Governor' }, claimDate: '2024-02-29', checkWorthy: true, version: 1 }, status: 200 }],
  mergeClaimWithNext: [{ stage: 'unreviewed', headers: { 'If-Match': '"1"' }, status: 200 }],
  splitClaim: [
    {
      stage: 'unreviewed',
      body: async (bundle: Bundle, world: World) => {
        const claim = await as(world.t.app, world.admin).get(`/api/claims/${bundle.claimId}`);
        return { offset: claim.body.start + 4, version: claim.body.version };
      },
      status: 200,
    },
  ],
  getClaimHistory: [{ query: 'limit=3', status: 200 }],
  assignReviewer: [{ stage: 'unreviewed', body: (b: Bundle) => ({ reviewerId: b.userId, dueAt: '2026-12-01T17:00:00+05:30' }), status: 201 }],
  unassignReviewer: [{ status: 204 }],
  listMyAssignments: [{ as: 'reviewer', query: 'pending=true&overdue=false', status: 200 }],
  listClaimSources: [{ status: 200 }],
  addClaimSource: [
    {
      body: () => ({
        url: `https://bücher.example/katalog/${unique('s')}?utm_source=x&b=2&a=1#top`,
        title: 'Katalog – Bücher 📚',
        publisher: 'Bücherei',
        sourceType: 'dataset',
        stance: 'context',
        accessedAt: '2024-02-29',
        archivedUrl: 'https://web.archive.org/web/2024/https://bücher.example/katalog',
        excerpt: '“Quoted” passage — with dashes\tand tabs.',
      }),
      status: 201,
    },
  ],
  updateClaimSource: [{ body: { stance: 'supports', excerpt: 'Zero\u200bwidth ✓', version: 1 }, status: 200 }],
  removeClaimSource: [{ status: 204 }],
  listSources: [{ query: 'q=records&limit=5', status: 200 }],
  getSource: [{ status: 200 }],
  updateSource: [{ body: { publisher: 'Statistics Office ✓', accessedAt: '2024-02-29', archivedUrl: null, version: 1 }, status: 200 }],
  listClaimNotes: [{ status: 200 }],
  addClaimNote: [{ as: 'reviewer', body: { body: 'Call the ministry ☎ — ask for the 2019 figure.\tThanks 🙏' }, status: 201 }],
  listClaimVerdicts: [{ status: 200 }],
  saveMyVerdict: [{ body: { levelKey: 'half_true', rationale: 'Partly — see the 2019 table 📊.' }, status: 201 }],
  reopenVerdict: [{ stage: 'awaiting_approval', status: 200 }],
  approveClaim: [{ stage: 'awaiting_approval', body: { levelKey: 'false', rationale: 'The records contradict it ✓.' }, status: 200 }],
  publishClaim: [{ stage: 'approved', status: 200 }],
  returnClaim: [{ stage: 'awaiting_approval', body: { note: 'Check the 2019 figure ⚠️.' }, status: 200 }],
  openCorrection: [{ stage: 'published', body: { rationale: 'Updated figures.', note: 'We corrected the year — sorry.' }, status: 200 }],
  retractClaim: [{ stage: 'published', body: { note: 'Withdrawn pending review.' }, status: 200 }],
  listRatingScales: [{ query: 'limit=2', status: 200 }],
  getRatingScale: [{ status: 200 }],
  createRatingScale: [{ body: () => ({ name: tagged('Scale ✓'), description: 'Four levels — one off the axis.', levels: scaleLevels }), status: 201 }],
  updateRatingScale: [
    {
      body: { levels: [{ key: 'yes', label: 'Yes indeed ✓', color: '#00FF00' }], addLevels: [{ key: 'maybe_2', label: 'Maybe', value: 0.5, color: '#abcdef' }], version: 1 },
      status: 200,
    },
  ],
  getArticleReport: [
    { query: 'format=json', status: 200 },
    { query: 'format=html&audience=public', as: 'reviewer', status: 200 },
    { query: 'format=claimreview', status: 200 },
    { query: 'format=csv&audience=desk', status: 200 },
  ],
  exportDesk: [
    { query: 'format=json&status=in_review,published', status: 200 },
    { query: 'format=csv&audience=public&from=2000-01-01&to=2999-12-31', as: 'reviewer', status: 200 },
  ],
  listPeople: [{ query: 'role=reviewer&limit=3', as: 'editor', status: 200 }],
  listAuditEvents: [{ query: 'entity=claim&action=claim.created&limit=5', status: 200 }],
  createUser: [
    {
      body: () => ({ email: `${unique('new')}@Desk.Example`, name: 'Zoë Ångström-Nguyễn 李', password: 'Tidal-Ledger-Quartz-42', role: 'reviewer' }),
      status: 201,
    },
  ],
  listUsers: [{ query: 'role=reviewer&active=true&limit=3', status: 200 }],
  getUser: [{ status: 200 }],
  updateUser: [{ body: { name: 'Renamed Person 🙂', role: 'editor' }, status: 200 }],
};
