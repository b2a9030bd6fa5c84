/**
 * Values derived from an operation's JSON Schema (as the OpenAPI document states it), in two modes:
 * - 'valid': every value satisfies the documented schema (types, enums, lengths, formats, ranges) while its content
 *   is as awkward as the schema allows: control characters, NUL, lone surrogates, non-characters, RTL and zero-width
 *   characters, emoji, leap days, offsets, IDN hosts and non-ASCII URL paths, bounds of ranges. These requests get
 *   past validation into the services and the database, where such input used to break.
 * - 'hostile': values of the documented shape with hostile content (odd and impossible dates, odd numbers, hostile
 *   URLs, sizes around the limits), some of the wrong type, objects missing required fields or with unknown ones.
 */
import fc from 'fast-check';
import { deref, type JsonSchema, type OpenApiDocument } from './operations';
import {
  dateString,
  dateTimeString,
  hostileText,
  hugeString,
  storableText,
  ODD_IDS,
  oddNumber,
  RawJsonNumber,
  urlString,
  validDate,
  validDateTime,
  validUrl,
  WHOLE_STRINGS,
} from './hostile';

export interface ValueContext {
  doc: OpenApiDocument;
  /** Real ids of fixture data (articles, claims, users, sources, scales, verdicts), for uuid fields. */
  ids: readonly string[];
  /** The largest string worth generating for this request (around the body limit). */
  hugeMax: number;
  mode: 'valid' | 'hostile';
  /** Weight (of 100) of a wrong-type value at a node, in hostile mode. */
  mutation: number;
}

const MAX_DEPTH = 6;

const emails = fc.constantFrom(
  'someone@desk.example',
  'UPPER@DESK.EXAMPLE',
  ' padded@desk.example ',
  'no-at-sign',
  '@desk.example',
  'a@b',
  'a@b.c',
  'a..b@desk.example',
  '"quoted"@desk.example',
  'ü@bücher.example',
  'a\u0000b@desk.example',
  'a\ud800@desk.example',
  `${'a'.repeat(250)}@desk.example`,
);

export const uuidValue = (ctx: ValueContext, odd = 2) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(ctx.ids.length ? ctx.ids : ['00000000-0000-4000-8000-000000000000'])), weight: 6 },
    { arbitrary: fc.uuid(), weight: 2 },
    ...(odd > 1 ? [{ arbitrary: fc.constantFrom(...ODD_IDS), weight: odd }] : []),
  );

const validEmail = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,20}$/), fc.constantFrom('desk.example', 'News.Example', 'xn--bcher-kva.example'))
  .map(([local, domain]) => `${local}@${domain}`);
/** The default scale's keys (the fixtures' articles use it) and the fuzz scale's. */
const LEVEL_KEYS = ['true', 'mostly_true', 'half_true', 'mostly_false', 'false', 'pants_on_fire', 'misleading', 'unverifiable', 'yes', 'no'];
const PASSPHRASES = ['Tidal-Ledger-Quartz-42', 'Orbit Walnut Cinder 97', 'ключ-Вода-Камень-73'];

/** Text the schema allows: within its lengths, not blank when it must not be empty, content awkward. */
function validText(min: number, max: number | undefined): fc.Arbitrary<string> {
  const limit = max ?? 2000;
  const fit = (text: string) => {
    let value = text.slice(0, limit);
    if (min >= 1 && value.trim().length === 0) value = `x${value}`.slice(0, limit);
    while (value.length < min) value += 'x';
    return value;
  };
  const pieces = max !== undefined && max < 40 ? Math.max(1, Math.floor(max / 2)) : 24;
  return fc.oneof(
    { arbitrary: storableText(pieces, 3).map(fit), weight: 12 },
    { arbitrary: hostileText(pieces, 3).map(fit), weight: 1 },
    { arbitrary: hugeString(limit, limit).map(fit), weight: max !== undefined && max <= 20_000 ? 1 : 0 },
  );
}

function validString(schema: JsonSchema, name: string | undefined, ctx: ValueContext): fc.Arbitrary<unknown> {
  const min: number = schema.minLength ?? 0;
  const max: number | undefined = schema.maxLength;
  const format: string | undefined = schema.format;
  const lowerName = (name ?? '').toLowerCase();
  if (format === 'uuid' || /(^|_)id$|Id$/.test(name ?? '')) return uuidValue(ctx, 1);
  if (format === 'date' || lowerName.endsWith('date')) return validDate;
  if (format === 'date-time' || /at$/.test(lowerName)) return validDateTime;
  if (format === 'uri' || lowerName.endsWith('url')) return validUrl;
  if (format === 'email' || lowerName === 'email') return validEmail;
  if (lowerName.includes('password')) return fc.constantFrom(...PASSPHRASES);
  if (lowerName === 'levelkey') return fc.oneof({ arbitrary: fc.constantFrom(...LEVEL_KEYS), weight: 9 }, { arbitrary: validText(min, max), weight: 1 });
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => (max === undefined ? s : s.slice(0, max)));
  return validText(min, max);
}

function stringValue(schema: JsonSchema, name: string | undefined, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (ctx.mode === 'valid') return validString(schema, name, ctx);
  const min: number = schema.minLength ?? 0;
  const max: number | undefined = schema.maxLength;
  const format: string | undefined = schema.format;
  const lowerName = (name ?? '').toLowerCase();
  const around = max !== undefined ? [{ arbitrary: hugeString(Math.max(min, max - 2), max + 3), weight: 1 }] : [];
  const text = fc.oneof(
    { arbitrary: hostileText(max !== undefined && max < 40 ? Math.max(1, Math.floor(max / 2)) : 24), weight: 12 },
    { arbitrary: fc.constantFrom(...WHOLE_STRINGS), weight: 2 },
    ...around,
    { arbitrary: hugeString(1, ctx.hugeMax), weight: 1 },
  );
  if (format === 'uuid' || /(^|_)id$|Id$/.test(name ?? '')) return fc.oneof({ arbitrary: uuidValue(ctx), weight: 9 }, { arbitrary: text, weight: 1 });
  if (format === 'date' || lowerName.endsWith('date')) return fc.oneof({ arbitrary: dateString, weight: 9 }, { arbitrary: text, weight: 1 });
  if (format === 'date-time' || /at$/.test(lowerName)) return fc.oneof({ arbitrary: dateTimeString, weight: 9 }, { arbitrary: text, weight: 1 });
  if (format === 'uri' || lowerName.endsWith('url')) return fc.oneof({ arbitrary: urlString, weight: 9 }, { arbitrary: text, weight: 1 });
  if (format === 'email' || lowerName === 'email') return fc.oneof({ arbitrary: emails, weight: 8 }, { arbitrary: text, weight: 2 });
  if (schema.pattern) {
    let matching: fc.Arbitrary<string> | undefined;
    try {
      matching = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => max === undefined || s.length <= max);
    } catch {
      matching = undefined;
    }
    return matching ? fc.oneof({ arbitrary: matching, weight: 6 }, { arbitrary: text, weight: 4 }) : text;
  }
  return text;
}

function numberValue(schema: JsonSchema, integer: boolean, name: string | undefined, ctx: ValueContext): fc.Arbitrary<unknown> {
  const min: number = schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000;
  const max: number = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
  const inRange = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  if (ctx.mode === 'valid') {
    const edges = [min, max, ...(min <= 0 && max >= 0 ? [0, -0] : []), ...(integer ? [] : [min / 3, 5e-324].filter((v) => v >= min && v <= max))];
    // A version is checked against the stored one: small numbers sometimes match (and a conflict is retried with it).
    if (name === 'version') return fc.integer({ min: 1, max: 4 });
    return fc.oneof({ arbitrary: inRange, weight: 3 }, { arbitrary: fc.constantFrom(...edges), weight: 1 }, { arbitrary: fc.integer({ min: Math.max(min, 0), max: Math.min(max, 60) }), weight: 3 });
  }
  return fc.oneof(
    { arbitrary: inRange, weight: 6 },
    { arbitrary: fc.constantFrom(min, max, min - 1, max + 1, min + 0.5), weight: 2 },
    { arbitrary: fc.constantFrom(0, 1, 2, 3), weight: 2 },
    { arbitrary: oddNumber, weight: 3 },
  );
}

/** A JSON value of the wrong type (or an awkward one of any type). */
export const wrongValue = (ctx: ValueContext): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    hostileText(8, 5),
    fc.constantFrom(...WHOLE_STRINGS),
    fc.constantFrom([], {}, [null], ['a', 'b'], { '': '' }, { __proto__: null, constructor: 1 }),
    fc.array(hostileText(4), { maxLength: 3 }),
    fc.dictionary(hostileText(3), hostileText(4), { maxKeys: 3 }),
    hugeString(1, Math.min(ctx.hugeMax, 4096)),
  );

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** A value for `schema`: documented in shape (mostly), hostile in content. */
export function schemaValue(rawSchema: JsonSchema, ctx: ValueContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const conforming = conformingValue(deref(rawSchema, ctx.doc), ctx, name, depth);
  if (ctx.mode === 'valid' || ctx.mutation <= 0) return conforming;
  return fc.oneof({ arbitrary: conforming, weight: 100 - ctx.mutation }, { arbitrary: wrongValue(ctx), weight: ctx.mutation });
}

function conformingValue(schema: JsonSchema, ctx: ValueContext, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const branches: JsonSchema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((branch) => schemaValue(branch, ctx, name, depth + 1)));
  if (schema.allOf?.length) return schemaValue(Object.assign({}, ...schema.allOf.map((s: JsonSchema) => deref(s, ctx.doc))), ctx, name, depth + 1);
  if (Array.isArray(schema.enum) && ctx.mode === 'valid') return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.enum)) {
    const variants = schema.enum.filter((v: unknown) => typeof v === 'string').map((v: string) => [v.toUpperCase(), ` ${v}`, `${v}\u0000`]).flat();
    return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 8 }, ...(variants.length ? [{ arbitrary: fc.constantFrom(...variants), weight: 1 }] : []));
  }
  if ('const' in schema) return fc.constant(schema.const);
  const types = typesOf(schema);
  const nonNull = types.filter((t) => t !== 'null');
  const options: Array<fc.WeightedArbitrary<unknown>> = [];
  if (types.includes('null')) options.push({ arbitrary: fc.constant(null), weight: ctx.mode === 'valid' ? 1 : 2 });
  for (const type of nonNull.length ? nonNull : ['string']) {
    options.push({ arbitrary: valueOfType(type, schema, ctx, name, depth), weight: 4 });
  }
  return fc.oneof(...options);
}

function valueOfType(type: string, schema: JsonSchema, ctx: ValueContext, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringValue(schema, name, ctx);
    case 'integer':
      return numberValue(schema, true, name, ctx);
    case 'number':
      return numberValue(schema, false, name, ctx);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ? schemaValue(schema.items, ctx, name, depth + 1) : wrongValue(ctx);
      const minLength: number = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
      const arrays = [{ arbitrary: fc.array(items, { minLength, maxLength }), weight: 9 }];
      if (ctx.mode === 'hostile' && schema.maxItems !== undefined && schema.maxItems <= 120) {
        arrays.push({ arbitrary: fc.array(items, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 }), weight: 1 });
      }
      return fc.oneof(...arrays);
    }
    case 'object':
      return objectValue(schema, ctx, depth);
    default:
      return wrongValue(ctx);
  }
}

function objectValue(schema: JsonSchema, ctx: ValueContext, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const keys = Object.keys(properties);
  if (ctx.mode === 'valid') {
    const valid = keys.map((key) =>
      required.has(key) || key === 'version'
        ? schemaValue(properties[key], ctx, key, depth + 1).map((v) => [key, v] as const)
        : fc.option(schemaValue(properties[key], ctx, key, depth + 1).map((v) => [key, v] as const), { freq: 2, nil: undefined }),
    );
    return fc.tuple(...valid).map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== undefined) as Array<readonly [string, unknown]>));
  }
  const entries = keys.map((key) =>
    required.has(key)
      ? fc.oneof({ arbitrary: schemaValue(properties[key], ctx, key, depth + 1).map((v) => [key, v] as const), weight: 30 }, { arbitrary: fc.constant(undefined), weight: 1 })
      : fc.option(schemaValue(properties[key], ctx, key, depth + 1).map((v) => [key, v] as const), { freq: 2, nil: undefined }),
  );
  const extra = fc.option(fc.tuple(fc.oneof(hostileText(3), fc.constantFrom('__proto__', 'constructor', 'id', 'version', 'admin', 'role')), wrongValue(ctx)), {
    freq: 12,
    nil: undefined,
  });
  return fc.tuple(fc.tuple(...entries), extra).map(([pairs, added]) => {
    const object: Record<string, unknown> = {};
    for (const pair of pairs) if (pair) object[pair[0]] = pair[1];
    if (added) Object.defineProperty(object, added[0], { value: added[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

/** JSON text of a generated value; RawJsonNumber is written as its literal text. Lone surrogates come out escaped. */
export function toJson(value: unknown): string {
  if (value instanceof RawJsonNumber) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : JSON.stringify(value)) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${toJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return 'null';
}
