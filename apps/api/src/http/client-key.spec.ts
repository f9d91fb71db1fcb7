import { clientKey } from './client-key';

describe(clientKey.name, () => {
  it('counts an IPv4 client by its address, also when the socket reports it IPv4-mapped', () => {
    expect(clientKey('203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
  });

  it('counts an IPv6 client by its /64, so rotating the interface part does not help', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });

  it('never returns an empty key', () => {
    expect(clientKey(undefined)).toBe('unknown');
  });
});
