import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords';
import { createTokenService } from '../../src/auth/tokens';
import type { PrismaClient } from '../../src/db/prisma';
import type { Role } from '../../src/generated/prisma/enums';
import { testConfig, TEST_JWT_SECRET } from './app';

export const DEFAULT_TEST_PASSWORD = 'Correct-Horse-Battery-9';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  token: string;
  auth: { Authorization: string };
}

let passwordHash: Promise<string> | undefined;

/** A user straight in the database, with a valid token; every call makes a new one. */
export async function createUser(
  prisma: PrismaClient,
  overrides: { role?: Role; active?: boolean; email?: string; name?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(DEFAULT_TEST_PASSWORD);
  const role = overrides.role ?? 'reviewer';
  const suffix = randomBytes(4).toString('hex');
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `${role}-${suffix}@desk.example`,
      name: overrides.name ?? `Test ${role} ${suffix}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    },
  });
  const token = tokenFor(user);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    password: DEFAULT_TEST_PASSWORD,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}

export function tokenFor(user: { id: string; tokenVersion?: number }): string {
  const config = testConfig();
  return createTokenService({ ...config.jwt, secret: TEST_JWT_SECRET }).issue({
    userId: user.id,
    tokenVersion: user.tokenVersion ?? 0,
  }).token;
}
