import {
  type AbbreviationKind,
  classifyAbbreviation,
  isDateAbbreviation,
  isStateAbbreviation,
  isStateHomograph,
  isTitleStarter,
} from '../../../src/segmentation/abbreviations';
import { readListMarker } from '../../../src/segmentation/list-markers';

describe('classifyAbbreviation', () => {
  it.each<[token: string, kind: AbbreviationKind]>([
    ['Mr', 'title'],
    ['MR', 'title'],
    ['Sen', 'title'],
    ['Mt', 'title'],
    ['vs', 'never'],
    ['e.g', 'never'],
    ['a.k.a', 'never'],
    ['v', 'never'],
    ['No', 'numberOrWord'],
    ['p', 'number'],
    ['approx', 'number'],
    ['N°', 'number'],
    ['U.S', 'starter'],
    ['Jr', 'starter'],
    ['Sept', 'starter'],
    ['Sat', 'starter'],
    ['J', 'starter'],
    ['K.C', 'starter'],
    ['Blvd', 'place'],
    ['Bldg', 'starter'],
    ['Inc', 'company'],
    ['co', 'company'],
    ['LLC', 'company'],
    ['Calif', 'place'],
    ['Mass', 'place'],
    ['Mo', 'place'],
    ['a.m', 'time'],
    ['P.M', 'time'],
    // Ordinary words, including the lowercase twins of capitalized abbreviations.
    ['sat', 'ordinary'],
    ['mass', 'ordinary'],
    ['in', 'ordinary'],
    ['etc', 'ordinary'],
    ['EST', 'ordinary'],
    ['NBC', 'ordinary'],
    ['cnn.com', 'ordinary'],
    ['100.00', 'ordinary'],
    ['D-Mass', 'ordinary'],
  ])('%s → %s', (token, kind) => {
    expect(classifyAbbreviation(token)).toBe(kind);
  });

  it('treats only courtesy titles as sentence openers', () => {
    expect(['Mr', 'Mrs', 'Ms', 'Dr'].every(isTitleStarter)).toBe(true);
    expect(['Sen', 'Gov', 'Gen', 'Rev'].some(isTitleStarter)).toBe(false);
  });
});

describe('abbreviation groups', () => {
  it.each<[token: string, kind: AbbreviationKind]>([
    ['lbs', 'unit'],
    ['mi', 'unit'],
    ['pct', 'unit'],
    ['bn', 'unit'],
    ['mln', 'unit'],
    ['ft', 'unit'],
    ['Ft', 'title'],
    ['Prop', 'number'],
    ['L.L.C', 'company'],
    ['N.V', 'company'],
    ['D.C', 'place'],
    ['a.e.t', 'ordinary'],
    ['A.E.T', 'starter'],
  ])('%s → %s', (token, kind) => {
    expect(classifyAbbreviation(token)).toBe(kind);
  });

  it('tells states from streets, dates from other starters, and words from states', () => {
    expect(['Calif', 'N.Y', 'D.C', 'Ont', 'Mass'].every(isStateAbbreviation)).toBe(true);
    expect(['Ave', 'Blvd', 'St'].some(isStateAbbreviation)).toBe(false);
    expect(['Jan', 'Sept', 'Fri'].every(isDateAbbreviation)).toBe(true);
    expect(['Jr', 'U.S', 'sat'].some(isDateAbbreviation)).toBe(false);
    expect(['Mass', 'Ore', 'Wash'].every(isStateHomograph)).toBe(true);
    expect(['Calif', 'Fla', 'Del'].some(isStateHomograph)).toBe(false);
  });
});

describe('readListMarker', () => {
  it.each<[text: string, end: number | null, style: string | null, value: number | null]>([
    ['1. First', 2, 'num.', 1],
    ['12) Twelfth', 3, 'num)', 12],
    ['2.) Second', 3, 'num.)', 2],
    ['b. Bee', 2, 'alpha.', 2],
    ['iv) Four', 3, 'roman)', 4],
    ['i. One', 2, 'roman.', 1],
    ['(ii) clause', 4, 'other', 0],
    ['• 9. Item', 4, 'num.', 9],
    ['⁃10. Item', 4, 'num.', 10],
    ['- dash', 1, 'other', 0],
    ['1.5 million', null, null, null],
    ['2024. That year', null, null, null],
    ['U.S. troops', null, null, null],
    ['No. 1 seed', null, null, null],
    ['-5 degrees', null, null, null],
    ['Mix. Then stir.', null, null, null],
    ['xiv. Fourteen', 4, 'roman.', 14],
  ])('%j', (text, end, style, value) => {
    const marker = readListMarker(text, 0, text.length);
    expect(marker && { end: marker.end, style: marker.style, value: marker.value }).toEqual(
      end === null ? null : { end, style, value },
    );
  });
});
