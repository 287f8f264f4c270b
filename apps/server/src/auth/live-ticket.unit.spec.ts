import { keyDigest } from './api-key';
import { parseLiveTicket, signLiveTicket, signedWith } from './live-ticket';

const secret = keyDigest('bcn_a-key-for-this-test-0123456789').bytes;
const keyId = '3f0c2a5e-8d1b-4c7a-9e2f-0a1b2c3d4e5f';

describe('a live ticket', () => {
  it('names its key and expiry, and is signed by that key only', () => {
    const text = signLiveTicket(keyId, 1_767_225_600_000, secret);
    const ticket = parseLiveTicket(text);
    expect(ticket).toMatchObject({ keyId, expiresAt: 1_767_225_600_000 });
    if (!ticket) throw new Error('not parsed');
    expect(signedWith(ticket, secret)).toBe(true);
    expect(signedWith(ticket, keyDigest('bcn_another-key-0123456789').bytes)).toBe(false);
  });

  it('does not survive a change of its key id or expiry', () => {
    const [version, , expiry, tag] = signLiveTicket(keyId, 1_767_225_600_000, secret).split('.');
    for (const altered of [`${version}.bootstrap-admin.${expiry}.${tag}`, `${version}.${keyId}.1767225600001.${tag}`]) {
      const ticket = parseLiveTicket(altered);
      expect(ticket && signedWith(ticket, secret)).toBe(false);
    }
  });

  it.each([
    '',
    'nonsense',
    'lt1.a.b.c',
    `lt2.${keyId}.1.${'A'.repeat(43)}`,
    `lt1.${keyId}.1.${'A'.repeat(42)}`,
    `lt1.a b.1.${'A'.repeat(43)}`,
  ])('is not read from %p', (text) => expect(parseLiveTicket(text)).toBeNull());
});
