import { existsSync } from 'node:fs';

/** Loads ./.env when present (Node's built-in parser); real environment variables win. */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
