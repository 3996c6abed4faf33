import { describe, expect, it, vi } from 'vitest';
import { buildApi, contract, dispatch, methodNames, parseArgument, parseResult, type Services } from '../../shared/contract';
import { AppError, fromErrorInfo, toErrorInfo } from '../../shared/errors';
import { stubServices } from './helpers/services';

function services(overrides: Partial<{ info: () => Promise<unknown> }> = {}): Services {
  return stubServices({
    app: {
      info: (overrides.info ??
        (async () => ({
          name: '研读',
          version: '1.0.0',
          host: 'browser',
          platform: 'linux',
          capabilities: { printsWindow: false, folderDialog: false },
        }))) as Services['app']['info'],
      openExternal: vi.fn(async () => ({ opened: true })),
    },
    library: { sample: vi.fn(async () => []) },
  });
}

describe('contract', () => {
  it('lists every method as namespace.method', () => {
    expect(methodNames).toEqual(expect.arrayContaining(['app.info', 'app.openExternal', 'library.sample']));
    expect(methodNames.length).toBe(Object.values(contract).reduce((n, ns) => n + Object.keys(ns).length, 0));
  });

  it.each([
    ['app.info', { extra: 1 }],
    ['app.info', 'text'],
    ['app.info', [1, 2]],
    ['app.openExternal', {}],
    ['app.openExternal', { url: 42 }],
    ['app.openExternal', { url: 'not a url' }],
    ['app.openExternal', { url: `https://example.org/${'x'.repeat(3000)}` }],
    ['app.openExternal', { url: 'https://example.org/', more: true }],
    ['library.sample', { limit: 3 }],
  ])('rejects %s with a bad argument %j', (name, arg) => {
    expect(() => parseArgument(name, arg)).toThrowError(AppError);
    try {
      parseArgument(name, arg);
    } catch (e) {
      expect((e as AppError).code).toBe('E_INVALID_ARGUMENT');
      expect((e as AppError).message).toMatch(/参数无效/);
    }
  });

  it('accepts good arguments and treats a missing argument as {}', () => {
    expect(parseArgument('app.info', undefined)).toEqual({});
    expect(parseArgument('app.openExternal', { url: 'https://example.org/a' })).toEqual({ url: 'https://example.org/a' });
  });

  it('rejects unknown and prototype-polluting method names', () => {
    for (const name of ['app.nope', 'nope.info', '__proto__.toString', 'app.constructor', 'app', '']) {
      expect(() => parseArgument(name, {})).toThrowError(expect.objectContaining({ code: 'E_UNKNOWN_METHOD' }));
    }
  });

  it('dispatch validates the argument before the service runs', async () => {
    const s = services();
    await expect(dispatch(s, 'app.openExternal', { url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' });
    expect(s.app.openExternal).not.toHaveBeenCalled();
  });

  it('dispatch refuses a malformed result from a buggy service', async () => {
    const s = services({ info: async () => ({ name: '研读', version: 1 }) });
    await expect(dispatch(s, 'app.info', {})).rejects.toMatchObject({ code: 'E_INVALID_RESULT' });
    expect(() => parseResult('library.sample', [{ id: 'x' }])).toThrowError(expect.objectContaining({ code: 'E_INVALID_RESULT' }));
  });

  it('buildApi exposes exactly the contract plus events.on', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(
      async (name, arg) => {
        calls.push([name, arg]);
        return 'ok';
      },
      () => () => undefined,
    );
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'events'].sort());
    expect(Object.keys(api.app).sort()).toEqual(Object.keys(contract.app).sort());
    await api.app.info({});
    expect(calls).toEqual([['app.info', {}]]);
    expect(() => api.events.on('nope' as 'app.notice', () => undefined)).toThrowError(AppError);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('errors cross as plain data and unknown shapes become E_TRANSPORT', () => {
    expect(toErrorInfo(new AppError('E_FORBIDDEN', '不允许'))).toEqual({ code: 'E_FORBIDDEN', message: '不允许' });
    expect(toErrorInfo(new Error('secret internals'))).toEqual({ code: 'E_INTERNAL', message: '内部错误，操作未完成。' });
    expect(fromErrorInfo({ code: 'E_NOT_FOUND', message: '没有' }).code).toBe('E_NOT_FOUND');
    expect(fromErrorInfo({ code: 'E_WHATEVER', message: 1 }).code).toBe('E_TRANSPORT');
    expect(fromErrorInfo(null).code).toBe('E_TRANSPORT');
  });
});
