import { describe, expect, it } from 'vitest';
import { isTrustedSender, parseMessage } from '../../lib/messaging';
import { request } from '../../lib/request';

describe('message protocol', () => {
  it('accepts known requests and applies defaults', () => {
    expect(parseMessage({ type: 'searchPeople', request: { query: 'ali' } })).toEqual({
      ok: true,
      value: { type: 'searchPeople', request: { query: 'ali', limit: 10 } },
    });
    expect(parseMessage({ type: 'getStatus', request: {} })).toEqual({
      ok: true,
      value: { type: 'getStatus', request: {} },
    });
  });

  it('rejects unknown types, prototype keys and malformed requests with a reason', () => {
    expect(parseMessage('hello')).toEqual({ ok: false, error: 'not a Constellation message' });
    expect(parseMessage({ type: 'dropTables', request: {} })).toEqual({
      ok: false,
      error: 'unknown message type "dropTables"',
    });
    expect(parseMessage({ type: 'toString', request: {} })).toEqual({
      ok: false,
      error: 'unknown message type "toString"',
    });
    const tooLong = parseMessage({ type: 'searchPeople', request: { query: 'x'.repeat(500) } });
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.error).toMatch(/^invalid searchPeople request: query /);
    expect(parseMessage({ type: 'peopleByHandle', request: { host: 'github.com' } }).ok).toBe(
      false,
    );
  });

  it('trusts only this extension as sender', () => {
    expect(isTrustedSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isTrustedSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isTrustedSender({}, 'abc')).toBe(false);
  });

  it('turns transport failures and silence into error results', async () => {
    expect(
      await request(
        () => Promise.reject(new Error('Receiving end does not exist')),
        'getStatus',
        {},
      ),
    ).toEqual({
      ok: false,
      error: 'Receiving end does not exist',
    });
    expect(await request(() => Promise.resolve(undefined), 'getStatus', {})).toEqual({
      ok: false,
      error: 'the background did not answer',
    });
  });
});
