import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The configured JWT_SECRET, or on the embedded default a random secret generated on first start and kept
 * in DATA_DIR, so `npm start` needs no configuration and tokens survive restarts.
 */
export function resolveJwtSecret(config: Pick<Config, 'jwt' | 'dataDir'>): string {
  if (config.jwt.secret) return config.jwt.secret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
