import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * Password hashing with Node's built-in scrypt (memory-hard). Stored as
 * `scrypt$N$r$p$salt$hash` (base64) so parameters can be raised later without breaking old hashes.
 */

const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
// N=2^15, r=8 needs 32 MiB; Node's default maxmem (32 MiB) is just too small.
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS, KEY_LENGTH);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when the email is unknown so both paths cost the same. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(32).toString('hex'));
  return decoyHash;
}

/**
 * Strength is estimated by zxcvbn (@zxcvbn-ts), which ships its dictionaries (about 40,000 common passwords,
 * English words, names, Wikipedia terms) and recognises keyboard walks, repeats, sequences, dates and l33t
 * speak, all offline. Score 3 means about 10^8 guesses or more: with scrypt hashing and the sign-in throttle
 * that is out of reach online and expensive offline, while passphrases like `Tidal-Ledger-Quartz-42` pass.
 */
export const MIN_STRENGTH_SCORE = 3;
/**
 * zxcvbn's cost grows faster than linearly with length (a 256-character random string took about 1.8 s here),
 * so only a prefix is estimated: a password whose first 64 characters are strong is strong. l33t substitutions
 * are capped for the same reason (100 by default: about 300 ms for 64 characters; 10: under 40 ms).
 */
const STRENGTH_CHECKED_LENGTH = 64;
const L33T_MAX_SUBSTITUTIONS = 10;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the dictionaries takes about 100 ms. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    maxLength: STRENGTH_CHECKED_LENGTH,
  });
  return estimator;
}

/**
 * Parts of the user's identity a password must not contain: the email's local part and the name, whole and
 * word by word (words of 4 letters or more, so initials and short particles do not count).
 */
function personalWords(context: { email?: string; name?: string }): string[] {
  const local = context.email?.split('@')[0];
  const wholes = [local, context.name].filter((w): w is string => !!w && w.length >= 4);
  const words = wholes.flatMap((whole) => whole.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 4);
  return [...new Set([...wholes, ...words].map((w) => w.toLowerCase()))];
}

/**
 * Returns the reasons a password is too weak (empty when acceptable), each phrased to follow "it", as in
 * "The password is too weak: it must be at least 12 characters".
 */
export function passwordWeaknesses(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (new Set(password).size < 5) problems.push('must use at least 5 different characters');
  const lowered = password.toLowerCase();
  const personal = personalWords(context);
  if (personal.some((word) => lowered.includes(word))) problems.push('must not contain your name or email');
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return problems;

  // The email and name are also given to the estimator, which then counts near-variants of them as cheap guesses.
  const userInputs = [...personal, ...(context.email ? [context.email.toLowerCase()] : [])];
  const estimate = strengthEstimator().check(password.slice(0, STRENGTH_CHECKED_LENGTH), userInputs);
  if (estimate.score < MIN_STRENGTH_SCORE) problems.push(describeWeakness(estimate));
  return problems;
}

function describeWeakness({ feedback }: ZxcvbnResult): string {
  const reason = feedback.warning ? lowerFirst(feedback.warning.replace(/\.$/, '')) : 'follows a pattern that is quick to guess';
  const hint = feedback.suggestions.length > 0 ? ` (${feedback.suggestions.map((s) => lowerFirst(s.replace(/\.$/, ''))).join('; ')})` : '';
  return `is too easy to guess: ${reason}${hint}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
