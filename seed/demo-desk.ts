import type { Actor } from '../src/auth/actor';
import { createAssignmentService } from '../src/assignments/assignments.service';
import { createAuditService } from '../src/audit/audit.service';
import { createClaimService } from '../src/claims/claims.service';
import { createTriageService } from '../src/claims/triage.service';
import type { Db } from '../src/db/sql';
import type { Role } from '../src/domain/enums';
import { createNoteService } from '../src/notes/notes.service';
import { createRulingService } from '../src/rulings/rulings.service';
import { createSourceService } from '../src/sources/sources.service';
import { createVerdictService } from '../src/verdicts/verdicts.service';
import type { AddClaimSourceInput } from '../src/sources/sources.schema';

/**
 * A realistic desk state for the seed article, made through the same services the API uses (so the audit trail
 * tells its story): some claims marked not worth checking, a claimant set, several claims assigned (one overdue),
 * a claim where one reviewer has submitted and the other is still drafting (the blind rule in action), one claim
 * approved, one published, and one published and then corrected. Positions refer to the seed article's claims.
 */

export interface DeskPeople {
  editor: Actor;
  reviewer: Actor;
  secondReviewer: Actor;
}

export const actorOf = (user: { id: string; email: string; name: string; role: Role }): Actor => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

const DAY = 86_400_000;

const SOURCES: Record<string, AddClaimSourceInput> = {
  record: {
    url: 'https://therecord.media/',
    title: 'The Record by Recorded Future: cybersecurity news',
    publisher: 'Recorded Future News',
    sourceType: 'news_report',
    stance: 'supports',
    excerpt: 'The order was first reported by The Record.',
  },
  dod: {
    url: 'https://www.defense.gov/News/Releases/',
    title: 'U.S. Department of Defense releases',
    publisher: 'U.S. Department of Defense',
    sourceType: 'official_statement',
    stance: 'context',
    excerpt: 'The Pentagon declined to comment on the record on the order.',
  },
  odni: {
    url: 'https://www.dni.gov/index.php/newsroom/reports-publications',
    title: 'ODNI reports and publications',
    publisher: 'Office of the Director of National Intelligence',
    sourceType: 'primary_document',
    stance: 'supports',
    excerpt: 'Assessments of Russian influence activities during recent U.S. elections.',
  },
  nsa: {
    url: 'https://www.nsa.gov/Press-Room/',
    title: 'NSA press room',
    publisher: 'National Security Agency',
    sourceType: 'official_statement',
    stance: 'supports',
    excerpt: 'The Russia Small Group was set up jointly with U.S. Cyber Command in 2018.',
  },
};

export async function loadDemoDesk(db: Db, articleClaimIds: string[], people: DeskPeople): Promise<void> {
  const audit = createAuditService(db);
  const claims = createClaimService(db, audit);
  const triage = createTriageService(db);
  const assignments = createAssignmentService(db, 'all');
  const sources = createSourceService(db);
  const notes = createNoteService(db);
  const verdicts = createVerdictService(db, claims, 'all');
  const rulings = createRulingService(db, 'majority');
  const { editor, reviewer, secondReviewer } = people;
  const claim = (position: number) => articleClaimIds[position - 1];
  const both = async (position: number, dueInDays: number | null) => {
    for (const person of [reviewer, secondReviewer]) {
      await assignments.assign(claim(position), { reviewerId: person.userId, dueAt: dueInDays === null ? null : new Date(Date.now() + dueInDays * DAY) }, editor);
    }
  };
  const submit = (position: number, who: Actor, levelKey: string, rationale: string, sourceIds: string[]) =>
    verdicts.putMine(claim(position), { levelKey, rationale, sourceIds, submit: true }, undefined, who);

  // Triage: chatter is not worth checking; who made a claim.
  for (const position of [13, 15, 21]) {
    const current = await claims.getClaim(claim(position));
    await triage.updateClaim(claim(position), { checkWorthy: false }, { version: current.version, via: 'field' }, editor);
  }
  for (const [position, name, role] of [[24, 'Chuck Schumer', 'Senate Minority Leader'], [21, 'Marco Rubio', 'Secretary of State']] as const) {
    const current = await claims.getClaim(claim(position));
    await triage.updateClaim(claim(position), { claimant: { name, role } }, { version: current.version, via: 'field' }, editor);
  }

  // Published: the order itself (claim 1), sourced by both reviewers, who agree.
  await both(1, 2);
  const record = await sources.add(claim(1), SOURCES.record, reviewer);
  const dod = await sources.add(claim(1), SOURCES.dod, secondReviewer);
  await submit(1, reviewer, 'true', 'The Record first reported the order; officials confirmed it to several outlets.', [record.sourceId]);
  await submit(1, secondReviewer, 'true', 'Consistent with the reporting; the Pentagon did not deny it.', [record.sourceId, dod.sourceId]);
  await rulings.approve(claim(1), { levelKey: 'true', rationale: 'Multiple officials confirmed the order, first reported by The Record; the Pentagon declined to dispute it.' }, undefined, editor);
  await rulings.publish(claim(1), undefined, editor);

  // Published and then corrected: the first-term operations (claim 26).
  await both(26, 3);
  const nsa = await sources.add(claim(26), SOURCES.nsa, reviewer);
  await submit(26, reviewer, 'mostly_true', 'The Russia Small Group existed; the timing is slightly off.', [nsa.sourceId]);
  await submit(26, secondReviewer, 'mostly_true', 'Accurate in substance.', [nsa.sourceId]);
  await rulings.approve(claim(26), { levelKey: 'mostly_true', rationale: 'Officials have described the Russia Small Group, though its start date is disputed.' }, undefined, editor);
  await rulings.publish(claim(26), undefined, editor);
  await rulings.openCorrection(
    claim(26),
    { levelKey: 'true', rationale: 'NSA and Cyber Command confirmed the Russia Small Group was set up in 2018, as the claim says.', note: 'An earlier version rated this claim mostly true because of a disputed start date; the agencies have since confirmed 2018.' },
    undefined,
    editor,
  );
  await rulings.publish(claim(26), undefined, editor);

  // Approved, not yet published: who first reported the order (claim 22).
  await both(22, 1);
  const record22 = await sources.add(claim(22), { ...SOURCES.record, excerpt: 'The Record is a cybersecurity publication of Recorded Future.' }, secondReviewer);
  await submit(22, reviewer, 'true', 'The Record published the report first.', [record22.sourceId]);
  await submit(22, secondReviewer, 'true', 'Confirmed by the publication itself.', [record22.sourceId]);
  await rulings.approve(claim(22), { levelKey: 'true', rationale: 'The Record, a Recorded Future publication, reported the order first.' }, undefined, editor);

  // In review, blind: Riley has submitted, Sam is still drafting (claim 16).
  await both(16, 4);
  const odni = await sources.add(claim(16), SOURCES.odni, reviewer);
  await submit(16, reviewer, 'true', 'Intelligence assessments describe the campaign.', [odni.sourceId]);
  await verdicts.putMine(claim(16), { levelKey: 'mostly_true', rationale: 'Checking which agencies reported it.', submit: false }, undefined, secondReviewer);
  await notes.add(claim(16), 'Which report is meant: the 2024 ODNI election assessment? Please check before submitting.', editor);

  // Assigned, one overdue: ransomware attacks (claim 11), and sabotage in Europe (claim 12).
  await assignments.assign(claim(11), { reviewerId: reviewer.userId, dueAt: new Date(Date.now() - DAY) }, editor);
  await assignments.assign(claim(12), { reviewerId: secondReviewer.userId, dueAt: new Date(Date.now() + 5 * DAY) }, editor);
  await notes.add(claim(11), 'Hospital attack figures: try the HHS breach portal.', reviewer);
}
