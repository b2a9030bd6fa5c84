/**
 * Features that mark checkable content: quantities, dates, comparisons, records, sources, institutions,
 * names, quotes, verifiable actions and the policy topics fact-checkers cover. All weights are positive
 * log-odds, set by hand on test/fixtures/checkworthiness/tune.tsv (see docs/check-worthiness.md).
 */
import { type FeatureDetector, regexFeature } from './feature-detector';
import { DIGITS } from './cues';
import { anyOf, cued, namesSource, phrases, phrasesSource, uncued } from './patterns';

const NUMBER_WORDS =
  'two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty, thirty, forty, ' +
  'fifty, sixty, seventy, eighty, ninety, hundred, hundreds, thousand, thousands, dozen, dozens';

const QUANTITY = regexFeature(
  'quantity',
  1.4,
  'A percentage, sum of money, large-number word, fraction or rate: "3.5%", "$2 million", "one in five", "per capita".',
  phrases(
    'percent, per cent, percentage point, percentage points, thousand, thousands, million, billion, ' +
      'trillion, half, a third, a fifth, a quarter, two-thirds, three-quarters, per capita, per person, ' +
      'per student, a year, a month, a day, twice as, dollars, euros, pounds, cents',
    cued({ chars: '%' }, '\\d(?:[\\d,.]{0,18}\\d)? ?%'),
    cued({ chars: '$£€¥' }, '[$£€¥] ?\\d(?:[\\d,.]{0,18}\\d)?'),
    cued(
      { words: ['one'], chars: DIGITS },
      '\\b(?:one|\\d{1,3}) (?:in|out of) (?:\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\\b',
    ),
    cued({ chars: DIGITS }, '\\b\\d{1,3}(?:,\\d{3})+\\b'),
  ),
);

const NUMBER = regexFeature(
  'number',
  0.8,
  'Any digit or spelled-out number from two up ("one" is left out: "no one", "the one who").',
  // A digit run (bounded, so a long run of digits stays linear) rather than one digit, for readable snippets.
  phrases(NUMBER_WORDS, cued({ chars: DIGITS }, '\\d(?:[\\d,.]{0,18}\\d)?')),
);

const YEAR_OR_PERIOD = regexFeature(
  'year_or_period',
  1.0,
  'A year or a span of time a fact can be anchored to: "in 2009", "since 1980", "last year", "the 1970s", "in a row".',
  phrases(
    'last year, this year, last decade, past decade, the past year, past five years, over the past, ' +
      'decade, decades, century, in a row, straight year, straight years, consecutive, fiscal year, ' +
      'first term, since then',
    // A year begins with 18, 19 or 20.
    cued({ chars: '12' }, '\\b(?:1[89]|20)\\d\\d(?:s|\\b)'),
  ),
);

const DAY_OR_MONTH = regexFeature(
  'day_or_month',
  0.2,
  'A month, weekday or recent day, as in wire copy: "in March", "on Thursday", "last week".',
  // Case-sensitive: names of months and days are capitalised, and "may" and "march" are also verbs.
  anyOf(
    '',
    phrasesSource(
      'January, February, March, April, May, June, July, August, September, October, November, December, ' +
        'Jan., Feb., Aug., Sept., Oct., Nov., Dec., Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, ' +
        'Sunday, yesterday, last week, last month, overnight',
      true,
    ),
  ),
);

const COMPARISON = regexFeature(
  'comparison_or_change',
  1.1,
  'A comparison or a change in a quantity: "more than", "fell by", "doubled", "increase", "went from".',
  phrases(
    'more than, less than, fewer than, higher than, lower than, faster than, larger than, greater than, ' +
      'rose, risen, fell, fallen, dropped, decreased, increased, increase, increases, decrease, ' +
      'grew, grown, shrank, shrunk, jumped, surged, soared, plunged, plummeted, climbed, slowed, doubled, ' +
      'tripled, quadrupled, halved, topped, gone up, went up, gone down, went down, went from, up from, ' +
      'down from, cut by, raised by, compared with, as much as, nearly double, more per',
    cued({ words: ['up', 'down'] }, '\\b(?:up|down) (?:\\d|by\\b)'),
    // "declined 5%" is a change; "declined to comment" is not.
    cued({ words: ['declined'] }, '\\bdeclined\\b(?! to\\b)'),
    // "more birds than", "fewer jobs than": at most three words between, so the scan stays bounded.
    cued({ words: ['than'] }, '\\b(?:more|less|fewer)(?: [\\w\'’-]{1,20}){1,3} than\\b'),
  ),
);

const RECORD = regexFeature(
  'record_or_superlative',
  1.0,
  'A record, ranking or measured superlative: "highest", "lowest level since", "on record", "first time".',
  phrases(
    // Not a bare "record": "my record" and "into the record" are debate and hearing talk.
    'a record, new record, record high, record low, record level, record number, record-breaking, on record, ' +
      'ever recorded, all-time, highest, lowest, largest, biggest, smallest, fastest, deadliest, hottest, ' +
      'coldest, first time, first in the nation, first state, only state, only country, ranks, ranked',
  ),
);

const ATTRIBUTION = regexFeature(
  'attribution',
  0.9,
  'A source for a fact: "according to", "said", "reported", "data show", "study found", "records show".',
  phrases(
    'according to, says, reported, reports, announced, confirmed, estimated, estimates, found that, ' +
      'found, data show, data shows, records show, figures show, polls show, study, survey, statistics, ' +
      'census, report',
    // "said", but not the speaker's own "as I said".
    cued({ words: ['said'] }, '(?<!\\bI )\\bsaid\\b'),
  ),
);

const INSTITUTION = regexFeature(
  'institution',
  0.7,
  'A named institution, office or organisation: Congress, Senate, FBI, ministry, court, university, "Inc.".',
  // Case-sensitive so that "who", "us" and "fed up" are not the WHO, the US and the Fed.
  anyOf(
    '',
    namesSource(
      'Congress, Senate, House, Parliament, Pentagon, Supreme Court, FBI, CIA, CDC, IRS, EPA, NHS, NATO, UN, EU, ' +
        'WHO, Fed, Federal Reserve, Medicare, Medicaid, Inc, Corp, Ltd, LLC',
    ),
    phrasesSource(
      'ministry, department, agency, bureau, commission, court, university, council, board, company, ' +
        'firm, government, administration, police, sheriff, trustees, legislature, lawmakers, officials, ' +
        'inspector general, central bank, union',
      true,
    ),
  ),
);

const PROPER_NAME = regexFeature(
  'proper_name',
  0.4,
  'A capitalised name in mid-sentence (after a lowercase word, digit or comma): "… in Phoenix", "… said Smith".',
  // Case-sensitive. The first word is skipped because every sentence starts with a capital, and
  // "I" and "I'm" are not names, so a name needs two letters or the form "U.S.".
  anyOf('', uncued('[a-z0-9,;:] ([A-Z](?:\\.[A-Z]\\.|[A-Za-z-]{1,30}))')),
);

const QUOTE = regexFeature(
  'quoted_speech',
  0.2,
  'Quoted speech of three or more words in straight or curly double quotes.',
  // Bounded length: an unclosed quote costs at most 400 steps, so a hostile string stays linear.
  anyOf('', cued({ chars: '"“' }, '"[^"]{12,400}"|“[^”]{12,400}”')),
);

const ACTION = regexFeature(
  'verifiable_action',
  1.2,
  'A verb for a recorded, checkable act: voted, passed, signed, vetoed, cut, raised, spent, killed, arrested, banned…',
  phrases(
    'voted, votes against, passed, signed, vetoed, cut, cuts, raised, spent, killed, arrested, approved, ' +
      'banned, closed, ruled, sentenced, charged, convicted, indicted, seized, pardoned, fined, laid off, ' +
      'lost, added, created, expanded, legalized, endorsed, struck down, shut down, threw out, sued, paid, ' +
      'received, funded, defunded, opposed, supported, co-sponsored, sponsored, blocked, repealed, enacted, ' +
      'ended, eliminated, fired, deported, invaded, launched, shot down, died, injured, missed, skipped, ' +
      'ordered, deployed, embezzled, violated, donated, merged, collapsed, capsized, taken, took office, ' +
      'produced, emits, sold, owns, hid, lied, misled, requires, lets, allows, caused, cause',
  ),
);

const POLICY_TOPIC = regexFeature(
  'policy_topic',
  0.8,
  'A policy subject fact-checkers cover: taxes, jobs, deficit, crime, immigration, health care, inflation, climate…',
  phrases(
    'tax, taxes, taxpayers, jobs, unemployment, employment, deficit, debt, budget, spending, crime, murders, ' +
      'homicide, violent, immigration, immigrants, border, deportation, asylum, health care, health insurance, ' +
      'insurance, Medicare, Medicaid, Social Security, pension, wages, wage, salary, income, poverty, ' +
      'inflation, prices, price, cost of living, rent, rents, housing, homeless, homelessness, mortgage, ' +
      'vaccine, vaccines, virus, pandemic, COVID-19, overdose, overdoses, opioids, fentanyl, heroin, drugs, ' +
      'climate, emissions, carbon, pollution, oil, coal, energy, nuclear, electricity, war, wars, troops, ' +
      'military, veterans, weapons, guns, shooting, deaths, abortion, schools, teachers, students, tuition, ' +
      'trade, tariffs, exports, imports, manufacturing, factories, farm, economy, recession, interest rates, ' +
      'stock market, voters, ballots, turnout, election',
  ),
);

export const FACT_FEATURES: readonly FeatureDetector[] = [
  QUANTITY,
  NUMBER,
  YEAR_OR_PERIOD,
  DAY_OR_MONTH,
  COMPARISON,
  RECORD,
  ATTRIBUTION,
  INSTITUTION,
  PROPER_NAME,
  QUOTE,
  ACTION,
  POLICY_TOPIC,
];
