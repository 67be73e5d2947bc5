import { describe, expect, it } from 'vitest';
import { publicUrlProblem, publicUrlWarning } from '../../src/services/public-url.ts';

describe('the warning about the address printed on cards', () => {
  it('warns when the server is reachable from other machines and cards still print localhost', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', '::']) {
      expect(publicUrlWarning(host, {}), host).toMatch(/LINDUNG_PUBLIC_URL.*http:\/\/localhost:3000/);
      expect(publicUrlWarning(host, { LINDUNG_PUBLIC_URL: 'http://127.0.0.1:3000' }), host).toMatch(
        /127\.0\.0\.1/,
      );
    }
  });

  it('is quiet when the address is set, or when only this machine can reach the server', () => {
    expect(publicUrlWarning('0.0.0.0', { LINDUNG_PUBLIC_URL: 'https://lindung.belu.go.id' })).toBeNull();
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(publicUrlWarning(host, {}), host).toBeNull();
  });

  it('names an address that is not a URL', () => {
    expect(publicUrlWarning('0.0.0.0', { LINDUNG_PUBLIC_URL: 'lindung.belu' })).toMatch(/bukan alamat URL/);
  });
});

describe('the problem the admin screen shows', () => {
  it('names it for a reachable server, and none for a loopback one or a set address', () => {
    expect(publicUrlProblem('0.0.0.0', {})).toBe('loopback');
    expect(publicUrlProblem('0.0.0.0', { LINDUNG_PUBLIC_URL: 'http://[::1]:3000' })).toBe('loopback');
    expect(publicUrlProblem('0.0.0.0', { LINDUNG_PUBLIC_URL: 'lindung.belu' })).toBe('not_url');
    expect(publicUrlProblem('10.0.0.5', { LINDUNG_PUBLIC_URL: 'https://lindung.belu.go.id' })).toBeNull();
    expect(publicUrlProblem('127.0.0.1', {})).toBeNull();
  });
});
