import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type Api } from '../../shared/contract';
import { AppError, fromErrorInfo } from '../../shared/errors';
import { contextBridge, ipcRenderer, StubEvent } from '../stubs/electron';

let api: Api;

beforeAll(async () => {
  contextBridge.exposed.clear();
  // Importing the preload runs it, as Electron does: it exposes window.yandu through the stub.
  await import('../../main/electron/preload');
  api = contextBridge.exposed.get('yandu') as Api;
});

beforeEach(() => {
  ipcRenderer.invocations.length = 0;
});

describe('preload exposure', () => {
  it('exposes one key, yandu, and nothing else (never ipcRenderer)', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['yandu']);
    const values = Object.values(api as unknown as Record<string, unknown>);
    expect(values).not.toContain(ipcRenderer);
  });

  it('exposes exactly the contract namespaces and methods plus events.on', () => {
    const shape = Object.fromEntries(
      Object.entries(api as unknown as Record<string, Record<string, unknown>>).map(([ns, members]) => [ns, Object.keys(members).sort()]),
    );
    const expected = Object.fromEntries(Object.entries(contract).map(([ns, methods]) => [ns, Object.keys(methods).sort()]));
    expect(shape).toEqual({ ...expected, events: ['on'] });
    for (const members of Object.values(api as unknown as Record<string, Record<string, unknown>>)) {
      for (const member of Object.values(members)) expect(typeof member).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('calls', () => {
  it('invokes yandu:<ns>.<method> with the argument and returns the result', async () => {
    const info = {
      name: '研读',
      version: '0.1.0',
      host: 'electron' as const,
      platform: 'linux',
      capabilities: { printsWindow: true, folderDialog: true },
    };
    ipcRenderer.invokeHandler = () => ({ ok: true, result: info });
    await expect(api.app.info({})).resolves.toEqual(info);
    expect(ipcRenderer.invocations).toEqual([{ channel: 'yandu:app.info', args: [{}] }]);
  });

  it('rejects with a plain { code, message } that survives contextBridge, and fromErrorInfo rebuilds the AppError', async () => {
    ipcRenderer.invokeHandler = () => ({ ok: false, error: { code: 'E_INVALID_ARGUMENT', message: '参数无效（app.openExternal）' } });
    const error = await api.app.openExternal({ url: 'x' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error);
    expect(structuredClone(error)).toEqual({ code: 'E_INVALID_ARGUMENT', message: '参数无效（app.openExternal）' });
    const rebuilt = fromErrorInfo(error);
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt).toMatchObject({ code: 'E_INVALID_ARGUMENT', message: '参数无效（app.openExternal）' });
  });

  it('turns malformed replies and IPC failures into E_TRANSPORT', async () => {
    ipcRenderer.invokeHandler = () => 'garbage';
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'E_TRANSPORT' });
    ipcRenderer.invokeHandler = () => ({ ok: false, error: { code: 'E_MADE_UP', message: 'x' } });
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'E_TRANSPORT' });
    ipcRenderer.invokeHandler = () => {
      throw new Error("Error invoking remote method 'yandu:app.info': No handler registered");
    };
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'E_TRANSPORT' });
  });
});

describe('events', () => {
  it('passes only the payload to the listener, filtered by name', () => {
    const listener = vi.fn();
    const off = api.events.on('app.notice', listener);
    const payload = { level: 'info', message: '已同步 3 篇文章' };
    ipcRenderer.emit('yandu:event', new StubEvent(), 'app.notice', payload);
    ipcRenderer.emit('yandu:event', new StubEvent(), 'sync.progress', { done: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    // The IPC event object (and with it event.sender, i.e. ipcRenderer) never reaches the page.
    expect(listener.mock.calls[0]?.[0]).not.toBeInstanceOf(StubEvent);
    off();
    ipcRenderer.emit('yandu:event', new StubEvent(), 'app.notice', payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(0);
  });

  it('refuses unknown event names', () => {
    expect(() => api.events.on('no.such' as never, () => undefined)).toThrow(AppError);
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(0);
  });
});

describe('one IPC listener for every subscription', () => {
  it('keeps a single yandu:event listener for many subscriptions and dispatches by name', () => {
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(0);
    // Four concurrent sync runs each follow progress and batches, plus the app's own notices:
    // more than Node's default of 10 listeners if each took its own.
    const progress = Array.from({ length: 12 }, () => vi.fn());
    const notices = vi.fn();
    const offs = [...progress.map((l) => api.events.on('sync.progress', l)), api.events.on('app.notice', notices)];
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(1);

    const payload = { level: 'info', message: '同步完成' };
    ipcRenderer.emit('yandu:event', new StubEvent(), 'app.notice', payload);
    expect(notices.mock.calls).toEqual([[payload]]);
    for (const l of progress) expect(l).not.toHaveBeenCalled();

    // Unsubscribing some leaves the others; the channel listener goes with the last one.
    for (const off of offs.slice(0, 6)) off();
    ipcRenderer.emit('yandu:event', new StubEvent(), 'sync.progress', { marker: 1 });
    expect(progress.map((l) => l.mock.calls.length)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(1);
    for (const off of offs) off();
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(0);
  });

  it('counts the same listener subscribed twice as two subscriptions, and survives unsubscribing during dispatch', () => {
    const calls: string[] = [];
    const listener = (): void => void calls.push('a');
    const offA = api.events.on('app.notice', listener);
    const offB = api.events.on('app.notice', listener);
    const offC = api.events.on('app.notice', () => {
      calls.push('c');
      offA();
    });
    ipcRenderer.emit('yandu:event', new StubEvent(), 'app.notice', { level: 'info', message: 'x' });
    expect(calls).toEqual(['a', 'a', 'c']);
    ipcRenderer.emit('yandu:event', new StubEvent(), 'app.notice', { level: 'info', message: 'x' });
    expect(calls).toEqual(['a', 'a', 'c', 'a', 'c']);
    offB();
    offC();
    expect(ipcRenderer.listenerCount('yandu:event')).toBe(0);
  });
});
