import { hashPassword, passwordWeaknesses, verifyPassword } from '../../src/auth/passwords';

describe('password hashing', () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const password = 'Tidal-Ledger-Quartz-42';
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);

    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(password);
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword('Tidal-Ledger-Quartz-43', a)).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await verifyPassword('anything-at-all', 'bcrypt$whatever')).toBe(false);
  });
});

describe('passwordWeaknesses', () => {
  it.each([
    ['short1', 'must be at least 12 characters'],
    ['aaaaaaaaaaaaaaaa', 'must use at least 5 different characters'],
    ['password1234', 'is a commonly used password'],
    ['riley-rocks-2026', 'must not contain your name or email'],
  ])('rejects %s', (password, problem) => {
    expect(passwordWeaknesses(password, { email: 'riley@desk.example', name: 'Riley Reviewer' })).toContain(problem);
  });

  it('accepts a long, varied password', () => {
    expect(passwordWeaknesses('Tidal-Ledger-Quartz-42', { email: 'riley@desk.example' })).toEqual([]);
  });
});
