import { clientAddressKey } from '../../src/auth/client-address';
import { loginDelayMs } from '../../src/auth/login-throttle';
import { MAX_LOGIN_DELAY_MS } from '../../src/config';

describe('clientAddressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd:12::/64'],
    ['2001:0db8:abcd:0012:ffff:ffff:ffff:ffff', '2001:db8:abcd:12::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0:0::/64'],
  ])('keys %s as %s', (ip, key) => {
    expect(clientAddressKey(ip)).toBe(key);
  });

  it('puts every address of one IPv6 /64 under one key, and other /64s under others', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2:a:b:c:d'].map(clientAddressKey);
    expect(new Set(keys).size).toBe(1);
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(keys[0]);
  });

  it.each([[undefined], [''], ['unknown'], ['not-an-address'], ['999.1.1.1']])('keys %j as unknown', (ip) => {
    expect(clientAddressKey(ip)).toBe('unknown');
  });
});

describe('loginDelayMs', () => {
  const settings = { delayStepMs: 250, delayMaxMs: 2000 };

  it('is zero without earlier failures and grows by one step per failure', () => {
    expect([0, 1, 2, 3, 7].map((n) => loginDelayMs(n, settings))).toEqual([0, 250, 500, 750, 1750]);
  });

  it('never exceeds the configured maximum, however many failures', () => {
    expect([8, 9, 100, 1_000_000].map((n) => loginDelayMs(n, settings))).toEqual([2000, 2000, 2000, 2000]);
  });

  it('is zero when the step is zero (tests) and never negative', () => {
    expect(loginDelayMs(50, { delayStepMs: 0, delayMaxMs: 2000 })).toBe(0);
    expect(loginDelayMs(-3, settings)).toBe(0);
  });

  it('cannot be configured above 2 s', () => {
    expect(MAX_LOGIN_DELAY_MS).toBe(2000);
  });
});
