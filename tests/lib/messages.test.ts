import { describe, expect, it } from 'vitest';
import { dispatch, request, type Handlers } from '@/lib/messages';

const handlers: Handlers = {
  'site/get': ({ host }) => ({ host, paused: host === 'paused.example' }),
  'site/setPaused': () => {
    throw new Error('database closed');
  },
};

describe('dispatch', () => {
  it.each([
    ['not an object', 'hello', /Not a Footnote message/],
    ['no type', { payload: {} }, /message\.type/],
    ['unknown type', { type: 'evil/do', payload: {} }, /Unknown message type "evil\/do"/],
    ['no handler on this side', { type: 'tab/state', payload: { tabId: 1 } }, /No handler here for "tab\/state"/],
    ['payload fails schema', { type: 'site/get', payload: { host: '' } }, /Bad "site\/get" message: payload\.host/],
    ['payload wrong type', { type: 'site/get', payload: { host: 42 } }, /payload\.host/],
    ['handler throws', { type: 'site/setPaused', payload: { host: 'a.example', paused: true } }, /database closed/],
  ])('refuses %s with a clear error, never a throw', async (_name, raw, error) => {
    const reply = await dispatch(raw, {}, handlers);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
  });

  it('answers a good message', async () => {
    expect(await dispatch({ type: 'site/get', payload: { host: 'paused.example' } }, {}, handlers)).toEqual({
      ok: true,
      data: { host: 'paused.example', paused: true },
    });
  });
});

describe('request', () => {
  it('returns checked data', async () => {
    const transport = (m: unknown) => dispatch(m, {}, handlers);
    await expect(request(transport, 'site/get', { host: 'x.example' })).resolves.toEqual({ host: 'x.example', paused: false });
  });

  it('throws the error of a refused message', async () => {
    const transport = (m: unknown) => dispatch(m, {}, handlers);
    await expect(request(transport, 'site/setPaused', { host: 'x.example', paused: true })).rejects.toThrow('database closed');
  });

  it('throws on a reply that does not fit the response schema', async () => {
    const transport = async () => ({ ok: true, data: { host: 'x', paused: 'yes' } });
    await expect(request(transport, 'site/get', { host: 'x' })).rejects.toThrow(/Bad reply to "site\/get": reply\.paused/);
  });

  it('throws when nobody answers', async () => {
    await expect(request(async () => undefined, 'site/get', { host: 'x' })).rejects.toThrow('No reply to "site/get"');
  });
});
