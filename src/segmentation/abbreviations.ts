/**
 * Abbreviation lexicon. Each abbreviation belongs to a kind that says how a period after it is
 * judged (see `boundary-rules.ts`):
 *
 * - `title`    — precedes a name (Mr., Sen., Gen., Mt.): a boundary only before an unmistakable
 *                sentence opener such as "The" or "He" ("… economist Amartya Sen. The …").
 * - `never`    — always continues (vs., v., e.g., i.e., a.k.a.).
 * - `number`   — precedes a number (No., p., Fig., approx.): never a boundary before a digit,
 *                otherwise treated like `starter`.
 * - `numberOrWord` — "No." is an abbreviation before a digit and the word "no" otherwise.
 * - `starter`  — may end a sentence but is usually followed by a proper noun (U.S., Jr., St.,
 *                Jan., initials): a boundary only before a likely sentence opener. Month and
 *                weekday abbreviations (`isDateAbbreviation`) are stricter: only a digit, another
 *                abbreviation or a date word continues them ("Jan. 6", "Sat. Oct. 5").
 * - `company`  — postpositive company suffix (Inc., Corp., Co., Ltd.): usually ends a name,
 *                so a capitalized word after it starts a sentence unless it plausibly continues
 *                the name ("Apple Inc. Chief Executive …", "Co. Ltd.").
 * - `place`    — US state / street abbreviations (Calif., Ave.): like `company`, but a digit
 *                (ZIP code, house number) and compass points continue. A state abbreviation
 *                (`isStateAbbreviation`) only closes a place name after a comma ("Tampa, Fla.");
 *                without one it modifies what follows ("Calif. Gov. Gavin Newsom", "the N.Y. Times").
 * - `unit`     — lowercase units of measure (lbs., mi., pct., bn.): they follow a number and
 *                never precede a name, so a capitalized word after them starts a sentence; a
 *                digit continues ("5 ft. 10 in.").
 * - `time`     — a.m./p.m.: a boundary unless a weekday, month or time zone follows.
 * - `ordinary` — not an abbreviation; a period after it ends the sentence before a capital.
 *
 * Entries are written in their canonical case. A capitalized entry ("Mass", "Sat") only matches
 * tokens that start with a capital letter, so the verbs "mass." and "sat." stay ordinary words;
 * a lowercase entry ("inc", "a.m") matches any case ("Inc.", "INC.", "A.M.").
 * Entries listed under `LOWERCASE_ONLY` match only all-lowercase tokens ("est." but not "EST.").
 */
export type AbbreviationKind =
  | 'title'
  | 'never'
  | 'number'
  | 'numberOrWord'
  | 'starter'
  | 'company'
  | 'place'
  | 'unit'
  | 'time'
  | 'ordinary';

const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs',
  'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Govs', 'Gen', 'Gens', 'Col', 'Cols', 'Lt', 'Sgt', 'Capt',
  'Adm', 'Maj', 'Cmdr', 'Cdr', 'Comdr', 'Pres', 'Supt', 'Rev', 'Revs', 'Hon', 'Msgr', 'Fr',
  'Brig', 'Cpl', 'Pvt', 'Pfc', 'Spc', 'Ens', 'Atty', 'Attys', 'Insp', 'Det', 'Amb', 'Asst',
  'Assoc', 'Ald', 'Ofc', 'Tpr', 'Dep', 'Rt', 'Sra', 'Srta', 'Surg',
  // Prepositive place names: Mt. Fuji, Ft. Worth.
  'Mt', 'Ft',
];

const NEVER = ['vs', 'e.g', 'i.e', 'cf', 'viz', 'a.k.a'];

const NUMBER_PREFIXES = [
  'nos', 'nr', 'n°', 'no°', 'pp', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'sec', 'secs',
  'para', 'paras', 'pt', 'pts', 'exh', 'ext', 'rm', 'apt', 'ste', 'tel', 'ref', 'approx', 'appx', 'rte',
  'Art', 'Arts', 'Op', 'Ex', 'Prop', 'Props',
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun'];

const STARTERS = [
  ...MONTHS,
  ...WEEKDAYS,
  // Name suffixes and degrees: "Martin Luther King Jr. Day", "Jane Doe, Ph.D. The clinic …"
  'Jr', 'Sr', 'Esq', 'Bros', 'St', 'Dist', 'Hosp',
  'ph.d', 'ed.d', 'psy.d', 'd.phil', 'll.b', 'll.m', 'll.d', 'm.phil', 'b.sc', 'm.sc',
  // Initialisms are recognised by shape too; listed here because they are the common ones.
  'u.s', 'u.s.a', 'u.k', 'u.n', 'e.u',
];

/** Units of measure and the wire services' number abbreviations ("3.1 pct.", "$4.5 bn.", "$2 mln."). */
const UNITS = [
  'lb', 'lbs', 'oz', 'mi', 'yd', 'yds', 'sq', 'cu', 'gal', 'gals', 'qt', 'hr', 'hrs', 'min', 'mins',
  'yr', 'yrs', 'mo', 'mos', 'wk', 'wks', 'ft', 'km', 'kg', 'cm', 'mm', 'mg', 'ml', 'mph', 'kph',
  'pct', 'bn', 'bln', 'mln', 'trn',
];

const COMPANY_SUFFIXES = [
  'inc', 'corp', 'co', 'cos', 'ltd', 'llc', 'llp', 'plc', 'l.l.c', 'l.l.p', 'p.l.c', 'n.v',
  'dept', 'depts', 'assn', 'univ', 'inst', 'natl', 'intl', 'govt',
];

/** US states (AP style), Washington, D.C., and Canadian provinces. */
const STATES = [
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans',
  'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nebr', 'Nev', 'Okla',
  'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo', 'N.H', 'N.J', 'N.M', 'N.Y',
  'N.C', 'N.D', 'R.I', 'S.C', 'S.D', 'W.Va', 'Wisc', 'Ida', 'Dak', 'Mex', 'Penna', 'Ont', 'Que',
  'Alta', 'Sask', 'D.C',
];

const PLACES = [
  ...STATES,
  // Street designators.
  'Ave', 'Blvd', 'Rd', 'Hwy', 'Pkwy', 'Ln', 'Ct', 'Sq', 'Pl', 'Ter', 'Cir', 'Cres', 'Expy', 'Fwy',
  'Tpke',
];

const TIMES = ['a.m', 'p.m'];

/** Abbreviations that are also common words in other cases: only the lowercase spelling counts. */
const LOWERCASE_ONLY: Array<[string, AbbreviationKind]> = [
  ['v', 'never'], // "Roe v. Wade"; "V." is an initial
  ['p', 'number'], // "p. 55"; "P." is an initial
  ['c', 'number'], // circa
  ['ca', 'number'],
  ['est', 'number'], // "est. 1850"; "EST." is a time zone
  ['ver', 'number'], // "ver. 2.1"
  ['al', 'starter'], // "et al."
];

/** Words listed only to document that they are deliberately treated as ordinary. */
const ORDINARY = ['etc'];

interface Entry {
  /** Kind when the token starts with a capital letter. */
  capitalized?: AbbreviationKind;
  /** Kind when the token is all lowercase. */
  lowercase?: AbbreviationKind;
}

const LEXICON = new Map<string, Entry>();

const GROUPS: Array<[AbbreviationKind, readonly string[]]> = [
  ['title', TITLES],
  ['never', NEVER],
  ['numberOrWord', ['no']],
  ['number', NUMBER_PREFIXES],
  ['starter', STARTERS],
  ['unit', UNITS],
  ['company', COMPANY_SUFFIXES],
  ['place', PLACES],
  ['time', TIMES],
  ['ordinary', ORDINARY],
];

function entryFor(key: string): Entry {
  let entry = LEXICON.get(key);
  if (!entry) LEXICON.set(key, (entry = {}));
  return entry;
}

// Lowercase spellings match any case; a capitalized spelling of the same key ("Mo" the state vs
// "mo" the unit) then takes over the capitalized slot, so capitalized spellings are applied last.
for (const [kind, words] of GROUPS) {
  for (const word of words) {
    if (word[0] !== word[0].toLowerCase()) continue;
    const entry = entryFor(word);
    entry.lowercase ??= kind;
    entry.capitalized ??= kind;
  }
}
const capitalizedKeys = new Set<string>();
for (const [kind, words] of GROUPS) {
  for (const word of words) {
    const key = word.toLowerCase();
    if (word[0] === key[0] || capitalizedKeys.has(key)) continue;
    capitalizedKeys.add(key);
    entryFor(key).capitalized = kind;
  }
}
for (const [word, kind] of LOWERCASE_ONLY) entryFor(word).lowercase = kind;

const TITLE_STARTERS = new Set(['mr', 'mrs', 'ms', 'mx', 'messrs', 'mmes', 'dr', 'drs']);

const INITIALISM_RE = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
/** Short tokens without vowels ("Blvd", "Sgt", "kg", "Hwy") are abbreviations, not words. */
const VOWELLESS_RE = /^[B-DF-HJ-NP-TV-XZb-df-hj-np-tv-xz][b-df-hj-np-tv-xz]{1,4}$/;
const SINGLE_LETTER_RE = /^\p{L}$/u;

function isCapitalizedToken(token: string): boolean {
  const first = token[0];
  return first !== first.toLowerCase();
}

function lookup(token: string): AbbreviationKind | undefined {
  const entry = LEXICON.get(token.toLowerCase());
  if (!entry) return undefined;
  return isCapitalizedToken(token) ? entry.capitalized : entry.lowercase;
}

/**
 * Classifies the token in front of a period (without that period): "Mr", "U.S", "a.m", "Calif".
 * Unknown single letters, dotted initialisms with a capital and vowel-less short tokens are `starter`
 * abbreviations; everything else (words, numbers, URLs, e-mail addresses) is `ordinary`.
 */
export function classifyAbbreviation(token: string): AbbreviationKind {
  if (token.length === 0 || token.length > 12) return 'ordinary';
  const known = lookup(token);
  if (known) return known;
  if (SINGLE_LETTER_RE.test(token)) return 'starter';
  // Unknown dotted initialisms are starters if they contain a capital ("K.C", "N.W"); all-lowercase
  // ones ("a.e.t", "n.d") end sentences like words.
  if (INITIALISM_RE.test(token)) return token === token.toLowerCase() ? 'ordinary' : 'starter';
  if (VOWELLESS_RE.test(token)) return 'starter';
  return 'ordinary';
}

/** True when `word` (without its period) is a known or shape-recognised abbreviation. */
export function isAbbreviation(word: string): boolean {
  return classifyAbbreviation(word) !== 'ordinary';
}

const STATE_KEYS = new Set(STATES.map((word) => word.toLowerCase()));
const DATE_KEYS = new Set([...MONTHS, ...WEEKDAYS].map((word) => word.toLowerCase()));

/** A token classified as `place` that names a state or province ("Calif", "N.Y", "D.C"), not a street. */
export function isStateAbbreviation(token: string): boolean {
  return STATE_KEYS.has(token.toLowerCase());
}

/** State abbreviations that are also English words when capitalized: "attended Mass.", "Iron Ore.". */
const STATE_HOMOGRAPHS = new Set(['Mass', 'Miss', 'Wash', 'Ore', 'Ill', 'Pa']);

export function isStateHomograph(token: string): boolean {
  return STATE_HOMOGRAPHS.has(token);
}

/** A token classified as `starter` that is a month or weekday ("Sept", "Fri"). */
export function isDateAbbreviation(token: string): boolean {
  return isCapitalizedToken(token) && DATE_KEYS.has(token.toLowerCase());
}

/** Courtesy titles that begin a new noun phrase, so they also start sentences: "… in the U.S. Mr. Smith said". */
export function isTitleStarter(word: string): boolean {
  return TITLE_STARTERS.has(word.toLowerCase());
}
