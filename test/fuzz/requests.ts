/**
 * Generated HTTP requests for one operation of the document: path parameters that are real fixture ids or hostile
 * strings (with malformed percent-escapes), query parameters from the documented schemas but mutated (repeated keys,
 * brackets, unknown keys, tampered cursors), If-Match and Content-Type variants, and JSON bodies from the documented
 * schema, malformed JSON or bodies that are not UTF-8.
 */
import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import type { TestUser } from '../support/factories';
import {
  CONTENT_TYPES,
  hostileText,
  IF_MATCH_VALUES,
  ODD_DATE_TIMES,
  ODD_IDS,
  oddNumber,
  percentEncode,
  RAW_BODIES,
  RAW_URL_FRAGMENTS,
  RawJsonNumber,
  WHOLE_STRINGS,
} from './hostile';
import { deref, type Operation, type OpenApiDocument } from './operations';
import { schemaValue, toJson, type ValueContext } from './schema-arbitrary';
import { pathParamFor, type Bundle, type World } from './world';

export type ActorName = 'admin' | 'editor' | 'reviewer' | 'anonymous';

/** One request, printed short in fast-check's counterexample (bodies can be hundreds of kilobytes). */
export class FuzzRequest {
  constructor(
    readonly operationId: string,
    readonly actor: ActorName,
    readonly method: Operation['method'],
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly body: Buffer | undefined,
    /** The generated JSON value behind `body`, when the body is JSON from the schema. */
    readonly json?: unknown,
  ) {}

  /**
   * The same request carrying `version` (in If-Match when it had one, and in the body's `version` field when it had
   * one), as a client retries after a version conflict that told it the current version.
   */
  withVersion(version: number): FuzzRequest | undefined {
    const headers = { ...this.headers };
    let json = this.json;
    let changed = false;
    if (headers['If-Match'] !== undefined) {
      headers['If-Match'] = `"${version}"`;
      changed = true;
    }
    if (json && typeof json === 'object' && !Array.isArray(json) && 'version' in json) {
      json = { ...json, version };
      changed = true;
    }
    if (!changed) return undefined;
    const body = json === this.json ? this.body : Buffer.from(toJson(json), 'utf8');
    return new FuzzRequest(this.operationId, this.actor, this.method, this.url, headers, body, json);
  }

  describe(limit = 600): string {
    const cut = (text: string) => (text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text);
    const headers = Object.entries(this.headers)
      .map(([name, value]) => `${name}: ${cut(value)}`)
      .join('; ');
    const body = this.body === undefined ? '' : ` body ${cut(JSON.stringify(this.body.toString('utf8')))}`;
    return `${this.method.toUpperCase()} ${cut(this.url)} as ${this.actor} [${headers}]${body}`;
  }

  [fc.toStringMethod](): string {
    return this.describe();
  }
}

const REAL = Symbol('real id');
/**
 * Keeps the request head under Node's 16 KB limit (beyond it Node answers 431 before the app) with the largest
 * headers generated: a 7 KB URL, a 4 KB If-Match, a 1 KB X-Request-Id.
 */
const MAX_URL_LENGTH = 7000;

export interface RequestContext {
  doc: OpenApiDocument;
  world: World;
  /** The largest string worth generating in a body (just over the route's body limit). */
  hugeMax: (op: Operation) => number;
}

/** A path segment: the bundle's id for this parameter (REAL) or something hostile. */
const hostileSegment = fc.oneof(
  { arbitrary: fc.uuid().map(percentEncode), weight: 2 },
  { arbitrary: fc.constantFrom(...ODD_IDS).map(percentEncode), weight: 3 },
  { arbitrary: hostileText(10, 6).filter((s) => s.length > 0).map(percentEncode), weight: 3 },
  { arbitrary: fc.tuple(fc.uuid(), fc.constantFrom(...RAW_URL_FRAGMENTS), fc.nat(36)).map(([id, raw, at]) => id.slice(0, at) + raw + id.slice(at)), weight: 4 },
  { arbitrary: fc.constantFrom(...RAW_URL_FRAGMENTS), weight: 2 },
  { arbitrary: fc.constantFrom('x'.repeat(3000), '%41'.repeat(1000)), weight: 1 },
);

/** A query value as the text a client would send (before encoding), from the parameter's documented schema. */
function queryText(value: unknown): string {
  if (value instanceof RawJsonNumber) return value.text;
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return toJson(value);
  return String(value);
}

type QueryPair = { key: string; value: string; raw?: boolean };

function queryPairsArb(op: Operation, ctx: RequestContext, valueCtx: ValueContext): fc.Arbitrary<QueryPair[]> {
  const params = op.queryParams.map((param) => {
    const schema = deref(param.schema, ctx.doc);
    const value = param.name === 'cursor' ? cursorArb(ctx.world) : schemaValue(schema, valueCtx, param.name);
    const plain = value.map((v) => (Array.isArray(v) ? v.map((item) => ({ key: param.name, value: queryText(item) })) : [{ key: param.name, value: queryText(v) }]));
    if (valueCtx.mode === 'valid') return fc.option(plain, { freq: param.required ? 100 : 2, nil: undefined });
    const pairs: fc.Arbitrary<QueryPair[]> = fc.oneof(
      { arbitrary: value.map((v) => (Array.isArray(v) ? v.map((item) => ({ key: param.name, value: queryText(item) })) : [{ key: param.name, value: queryText(v) }])), weight: 12 },
      // repeated keys and arrays where a scalar is expected
      { arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => ({ key: param.name, value: queryText(v) }))), weight: 1 },
      { arbitrary: value.map((v) => [{ key: `${param.name}[]`, value: queryText(v) }]), weight: 1 },
      { arbitrary: fc.tuple(hostileText(3), value).map(([sub, v]) => [{ key: `${param.name}[${sub}]`, value: queryText(v) }]), weight: 1 },
      // malformed percent-escapes in the value, sent as they are
      { arbitrary: fc.tuple(value, fc.constantFrom(...RAW_URL_FRAGMENTS)).map(([v, raw]) => [{ key: param.name, value: percentEncode(queryText(v)) + raw, raw: true }]), weight: 1 },
      { arbitrary: fc.constant<QueryPair[]>([{ key: param.name, value: '' }]), weight: 1 },
    );
    return fc.option(pairs, { freq: param.required ? 100 : 2, nil: undefined });
  });
  if (valueCtx.mode === 'valid') return fc.tuple(...params).map((lists) => lists.flat().filter((p): p is QueryPair => Boolean(p)));
  const unknown = fc.option(
    fc.tuple(fc.oneof(fc.constantFrom('page', 'pageSize', 'offset', '__proto__', 'toString', ''), hostileText(4)), hostileText(6)).map(([key, value]) => [{ key, value }]),
    { freq: 10, nil: undefined },
  );
  return fc.tuple(fc.tuple(...params), unknown).map(([lists, extra]) => [...lists.flat().filter((p): p is QueryPair => Boolean(p)), ...(extra ?? [])]);
}

const encodeQuery = (pairs: QueryPair[]) =>
  pairs.map(({ key, value, raw }) => `${percentEncode(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${raw ? value : percentEncode(value)}`).join('&');

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** A cursor part that a tampered cursor carries instead of the real one. */
const cursorPart: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_DATE_TIMES),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  oddNumber,
  fc.constantFrom(2 ** 31, -1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER),
  fc.uuid(),
  fc.constantFrom(...ODD_IDS, ...WHOLE_STRINGS),
  fc.constantFrom(null, true, [], {}, [[]]),
  hostileText(6, 6),
);

/** Real cursors (as they are, or with a key part, the ordering or the encoding tampered with) and made-up ones. */
function cursorArb(world: World): fc.Arbitrary<string> {
  const decoded = world.cursors.map((cursor) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]);
  const orderings = [...new Set(decoded.map((d) => d[0]))];
  const made = fc.oneof(
    fc.array(cursorPart, { maxLength: 3 }).map((parts) => base64url(toJson(parts))),
    fc.tuple(fc.constantFrom(...(orderings.length ? orderings : ['x'])), fc.array(cursorPart, { maxLength: 3 })).map(([o, parts]) => base64url(toJson([o, ...parts]))),
    hostileText(6, 6).map(base64url),
    fc.constantFrom('', '=', 'AAAA', '____', 'eyJ', '-'.repeat(2001), 'a'.repeat(1999)),
    hostileText(8, 8),
  );
  if (!world.cursors.length) return made;
  const tampered = fc
    .tuple(fc.nat(decoded.length - 1), fc.nat(3), cursorPart, fc.constantFrom(...orderings))
    .map(([which, at, part, ordering]) => {
      const parts = [...decoded[which]];
      if (at === 0) parts[0] = ordering;
      else parts[Math.min(at, parts.length - 1) || 1] = part;
      return base64url(toJson(parts));
    });
  return fc.oneof(
    { arbitrary: fc.constantFrom(...world.cursors), weight: 2 },
    { arbitrary: tampered, weight: 6 },
    { arbitrary: made, weight: 3 },
  );
}

const VERSION_HEADERS = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 4 }).map((v) => `"${v}"`), weight: 3 },
  { arbitrary: fc.constantFrom(...IF_MATCH_VALUES), weight: 3 },
);

type Body = { contentType?: string; body?: Buffer; json?: unknown };

/** The body and its Content-Type. */
function bodyArb(op: Operation, valueCtx: ValueContext): fc.Arbitrary<Body> {
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content['application/json'];
  const jsonValue = jsonSchema ? schemaValue(jsonSchema, valueCtx) : fc.constant({});
  if (valueCtx.mode === 'valid') {
    const options: Array<fc.WeightedArbitrary<Body>> = [];
    if (jsonSchema) options.push({ arbitrary: jsonValue.map((json) => ({ contentType: 'application/json', body: Buffer.from(toJson(json), 'utf8'), json })), weight: 4 });
    if (content['text/plain']) {
      options.push({ arbitrary: schemaValue(content['text/plain'], valueCtx).map((text) => ({ contentType: 'text/plain; charset=utf-8', body: Buffer.from(String(text), 'utf8') })), weight: 1 });
    }
    if (!op.requestBody?.required || options.length === 0) options.push({ arbitrary: fc.constant({}), weight: 1 });
    return fc.oneof(...options);
  }
  const json = jsonValue.map((value) => Buffer.from(toJson(value), 'utf8'));
  const text = hostileText(60, 3).map((t) => Buffer.from(t, 'utf8'));
  const raw = fc.constantFrom(...RAW_BODIES);
  const jsonType = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 8 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 });
  const options: Array<fc.WeightedArbitrary<Body>> = [];
  if (op.requestBody) {
    options.push({ arbitrary: fc.record({ contentType: jsonType, body: json }), weight: 30 });
    if (content['text/plain']) options.push({ arbitrary: fc.record({ contentType: fc.constantFrom('text/plain', 'text/plain; charset=utf-8', 'TEXT/PLAIN'), body: fc.oneof(text, raw) }), weight: 10 });
    options.push({ arbitrary: fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), body: fc.oneof(raw, json, text) }), weight: 5 });
    options.push({ arbitrary: fc.record({ contentType: jsonType, body: raw }), weight: 5 });
    options.push({ arbitrary: fc.constant({}), weight: 3 });
  } else {
    options.push({ arbitrary: fc.constant({}), weight: 10 });
    options.push({ arbitrary: fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), body: fc.oneof(raw, text) }), weight: 1 });
  }
  return fc.oneof(...options);
}

/** Requests for `op` as one of `actors`: two in three valid in shape (with awkward content), one in three hostile. */
export function requestArb(op: Operation, ctx: RequestContext, actors: ActorName[], bundles: Bundle[] = ctx.world.bundles): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { arbitrary: requestsOf(op, ctx, actors, bundles, 'valid'), weight: 2 },
    { arbitrary: requestsOf(op, ctx, actors, bundles, 'hostile'), weight: 1 },
  );
}

function requestsOf(op: Operation, ctx: RequestContext, actors: ActorName[], bundles: Bundle[], mode: ValueContext['mode']): fc.Arbitrary<FuzzRequest> {
  const { world } = ctx;
  const valid = mode === 'valid';
  const valueCtx: ValueContext = { doc: ctx.doc, ids: world.ids, hugeMax: ctx.hugeMax(op), mode, mutation: 6 };
  const queryCtx: ValueContext = { ...valueCtx, hugeMax: 1000 };
  const params = fc.tuple(
    ...op.pathParams.map(() => fc.oneof({ arbitrary: fc.constant<typeof REAL>(REAL), weight: valid ? 12 : 2 }, { arbitrary: hostileSegment, weight: valid ? 1 : 3 })),
  );
  const versioned = op.headerParams.some((p) => p.name === 'if-match');
  const headers = fc.record(
    {
      ifMatch: fc.option(valid ? fc.integer({ min: 1, max: 4 }).map((v) => `"${v}"`) : VERSION_HEADERS, { freq: versioned ? 2 : valid ? 1000 : 8, nil: undefined }),
      forwardedFor: fc.option(fc.constantFrom('1.2.3.4', 'unknown', '::1, 10.0.0.1', 'x'.repeat(300)), { freq: valid ? 1000 : 10, nil: undefined }),
      requestId: fc.option(fc.constantFrom('abc', 'x'.repeat(1000), '../../etc', 'a b', '\t'), { freq: valid ? 1000 : 10, nil: undefined }),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      actor: fc.constantFrom(...actors),
      bundle: fc.nat(bundles.length - 1),
      params,
      query: queryPairsArb(op, ctx, queryCtx),
      headers,
      body: bodyArb(op, valueCtx),
    })
    .map(({ actor, bundle, params: segments, query, headers: h, body }) => {
      let index = 0;
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const segment = segments[index++];
        if (segment !== REAL) return segment as string;
        return percentEncode(pathParamFor(op.path, name, bundles[bundle]) ?? world.ids[bundle % world.ids.length]);
      });
      const queryString = encodeQuery(query).slice(0, Math.max(0, MAX_URL_LENGTH - path.length));
      const headerMap: Record<string, string> = {};
      const bodyVersion = body.json !== null && typeof body.json === 'object' && 'version' in body.json;
      // A valid request says its version once (both ways must agree, and agreeing by chance is rare).
      if (h.ifMatch !== undefined && !(valid && bodyVersion)) headerMap['If-Match'] = h.ifMatch;
      if (h.forwardedFor !== undefined) headerMap['X-Forwarded-For'] = h.forwardedFor;
      if (h.requestId !== undefined) headerMap['X-Request-Id'] = h.requestId;
      if (body.contentType !== undefined) headerMap['Content-Type'] = body.contentType;
      return new FuzzRequest(op.operationId, actor, op.method, queryString ? `${path}?${queryString}` : path, headerMap, body.body, body.json);
    });
}

export function userFor(world: World, actor: ActorName): TestUser | undefined {
  return actor === 'anonymous' ? undefined : world[actor];
}

/** Sends a generated request to the app with the actor's token. */
export type RawRequest = Pick<FuzzRequest, 'method' | 'url' | 'headers' | 'body'>;

export async function send(app: Express, req: RawRequest, user: TestUser | undefined): Promise<request.Response> {
  let test = request(app)[req.method](req.url).timeout({ response: 20_000 });
  if (user) test = test.set(user.auth);
  for (const [name, value] of Object.entries(req.headers)) test = test.set(name, value);
  // Bytes as they are: superagent would otherwise JSON-encode a Buffer sent with a JSON content type.
  if (req.body !== undefined) test = test.serialize((data: unknown) => data as string).send(req.body);
  return test;
}
