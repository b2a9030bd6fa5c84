import { cpuTimeOf } from '../support/timing';
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
  const riley = { email: 'riley.reviewer@desk.example', name: 'Riley Reviewer' };

  it.each([
    ['short1', 'must be at least 12 characters'],
    ['x'.repeat(257), 'must be at most 256 characters'],
    ['aaaaaaaaaaaaaaaa', 'must use at least 5 different characters'],
    ['riley-rocks-2026', 'must not contain your name or email'],
    ['Tidal-Reviewer-Quartz-42', 'must not contain your name or email'],
    ['RILEY.REVIEWER-at-work-9', 'must not contain your name or email'],
  ])('rejects %s because it %s', (password, problem) => {
    expect(passwordWeaknesses(password, riley)).toContain(problem);
  });

  // Weak passwords that satisfy the length and variety rules: only the estimator's dictionaries and pattern
  // matchers (common passwords, keyboard walks, repeats, sequences, l33t, dates) catch them.
  it.each([
    'password1234',
    'Password1234!',
    'P@ssw0rd2024',
    'qwertyuiop123',
    '1q2w3e4r5t6y',
    'iloveyou1234',
    'Welcome12345',
    'Football2023',
    'abcdefghijkl1',
    'monkey123456',
    'deskdeskdesk12',
    'Sunshine1234!',
  ])('rejects the guessable %s as too easy to guess, with advice', (password) => {
    const problems = passwordWeaknesses(password, riley);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^is too easy to guess: \S.*/);
  });

  it('says why a password is too easy to guess, in words', () => {
    expect(passwordWeaknesses('password1234')).toEqual([
      'is too easy to guess: this is similar to a commonly used password (add more words that are less common)',
    ]);
  });

  it('lists every rule a password breaks at once', () => {
    expect(passwordWeaknesses('riley', riley)).toEqual(['must be at least 12 characters', 'must not contain your name or email']);
  });

  it.each([
    'Tidal-Ledger-Quartz-42',
    'Correct-Horse-Battery-9',
    'Checkmate-Demo-A1',
    'Granite-Meadow-Quilt-58',
    'Long-Enough-Pass-1',
    'correct horse battery staple',
    'vT9#qLm2$Xw8',
  ])('accepts the long or varied %s', (password) => {
    expect(passwordWeaknesses(password, riley)).toEqual([]);
  });

  it('counts a variant of the name (here reversed) as a cheap guess, though the name is not contained as is', () => {
    const lindqvist = { email: 'm.lindqvist@desk.example', name: 'Marit Lindqvist' };

    expect(passwordWeaknesses('Tsivqdnil2024!', {})).toEqual([]);
    expect(passwordWeaknesses('Tsivqdnil2024!', lindqvist)).toEqual([
      expect.stringMatching(/^is too easy to guess: there should not be any personal or page related data/),
    ]);
  });

  it('answers within a bounded time even for the longest, least regular password allowed', () => {
    const hostile = Array.from({ length: 256 }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
    passwordWeaknesses('warm-up-the-dictionaries-1');

    let problems: string[] = [];
    const elapsed = cpuTimeOf(() => (problems = passwordWeaknesses(hostile)));

    expect(problems).toEqual([]);
    // CPU time, so a busy machine does not make it flaky; unbounded l33t expansion took about 1.8 s here.
    expect(elapsed).toBeLessThan(500);
  });
});
