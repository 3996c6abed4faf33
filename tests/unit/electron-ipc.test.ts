import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, EVENT_CHANNEL, isTrustedSender, registerIpc, sendEvent, type IpcMainLike } from '../../main/electron/ipc';
import { methodNames, type Services } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { stubServices } from './helpers/services';
import { ipcMain, resetElectronStub, StubWebContents, stubFrame, type StubFrame } from '../stubs/electron';

function makeServices() {
  const info = vi.fn(async () => ({
    name: '研读',
    version: '0.1.0',
    host: 'electron' as const,
    platform: 'linux',
    capabilities: { printsWindow: true, folderDialog: true },
  }));
  const openExternal = vi.fn(async (_arg: { url: string }) => ({ opened: true }));
  const sample = vi.fn(async () => []);
  const services: Services = stubServices({ app: { info, openExternal }, library: { sample } });
  return { services, info, openExternal, sample };
}

/** An invoke event from the top frame of a window showing `url`. */
function eventFrom(url: string): { senderFrame: StubFrame | null; sender: { mainFrame: StubFrame } } {
  const frame = stubFrame(url);
  return { senderFrame: frame, sender: { mainFrame: frame } };
}

/** An invoke event from a sub-frame (an iframe) inside our own page. */
function eventFromSubFrame(url: string): { senderFrame: StubFrame; sender: { mainFrame: StubFrame } } {
  const main = stubFrame('app://yandu/index.html');
  return { senderFrame: stubFrame(url, main), sender: { mainFrame: main } };
}

const ipc = ipcMain as unknown as IpcMainLike;

describe('registerIpc', () => {
  beforeEach(() => {
    resetElectronStub();
    // Refusals are logged as warnings; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('registers exactly one yandu:<ns>.<method> channel per contract method', () => {
    const { services } = makeServices();
    registerIpc(ipc, services);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((n) => `yandu:${n}`).sort());
    expect(CHANNEL_PREFIX).toBe('yandu:');
  });

  it('removes its handlers again', () => {
    const { services } = makeServices();
    const unregister = registerIpc(ipc, services);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('returns results as { ok: true, result } for our main frame', async () => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.info', eventFrom('app://yandu/index.html#/library'), {});
    expect(reply).toEqual({
      ok: true,
      result: {
        name: '研读',
        version: '0.1.0',
        host: 'electron',
        platform: 'linux',
        capabilities: { printsWindow: true, folderDialog: true },
      },
    });
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('passes the validated argument to the service', async () => {
    const { services, openExternal } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.openExternal', eventFrom('app://yandu/'), { url: 'https://www.example.com/a' });
    expect(reply).toEqual({ ok: true, result: { opened: true } });
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://www.example.com/a' });
  });

  it('rejects a sub-frame sender with E_FORBIDDEN and calls nothing', async () => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.info', eventFromSubFrame('app://yandu/frame.html'), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(info).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('refused app.info'));
  });

  it('rejects a top frame that is not the window main frame', async () => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const event = { senderFrame: stubFrame('app://yandu/index.html'), sender: { mainFrame: stubFrame('app://yandu/index.html') } };
    const reply = await ipcMain.invoke('yandu:app.info', event, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(info).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///C:/Users/a/index.html',
    'app://yandu.evil/index.html',
    'app://evil/index.html',
    'about:blank',
    'devtools://devtools/bundled/devtools_app.html',
  ])('rejects a foreign origin sender %s with E_FORBIDDEN', async (url) => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.info', eventFrom(url), {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('rejects a destroyed or navigated-away frame (senderFrame null)', async () => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.info', { senderFrame: null, sender: { mainFrame: stubFrame('app://yandu/') } }, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(info).not.toHaveBeenCalled();
  });

  it.each([
    ['a non-URL', { url: 'not a url' }],
    ['a missing field', {}],
    ['an extra field', { url: 'https://www.example.com/', extra: 1 }],
    ['a wrong type', { url: 42 }],
    ['a non-object', 'https://www.example.com/'],
  ])('rejects %s argument with E_INVALID_ARGUMENT and calls nothing', async (_label, arg) => {
    const { services, openExternal } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.openExternal', eventFrom('app://yandu/'), arg);
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_INVALID_ARGUMENT' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/参数无效/);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('rejects extra arguments to a no-argument method', async () => {
    const { services, info } = makeServices();
    registerIpc(ipc, services);
    const reply = await ipcMain.invoke('yandu:app.info', eventFrom('app://yandu/'), { sneaky: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_INVALID_ARGUMENT' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('validates results: a malformed service result becomes E_INVALID_RESULT', async () => {
    const { services, info } = makeServices();
    info.mockResolvedValueOnce({ name: '研读', version: 1 } as never);
    registerIpc(ipc, services);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await ipcMain.invoke('yandu:app.info', eventFrom('app://yandu/'), {});
    spy.mockRestore();
    expect(reply).toMatchObject({ ok: false, error: { code: 'E_INVALID_RESULT' } });
  });

  it('returns AppErrors as plain data and hides other errors behind E_INTERNAL', async () => {
    const { services, info, openExternal } = makeServices();
    openExternal.mockRejectedValueOnce(new AppError('E_FORBIDDEN', '只能打开 http 或 https 链接。'));
    info.mockRejectedValueOnce(new Error('/home/secret/path exploded'));
    registerIpc(ipc, services);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const forbidden = await ipcMain.invoke('yandu:app.openExternal', eventFrom('app://yandu/'), { url: 'https://a.example/' });
    const internal = await ipcMain.invoke('yandu:app.info', eventFrom('app://yandu/'), {});
    spy.mockRestore();
    expect(forbidden).toEqual({ ok: false, error: { code: 'E_FORBIDDEN', message: '只能打开 http 或 https 链接。' } });
    expect(internal).toEqual({ ok: false, error: { code: 'E_INTERNAL', message: '内部错误，操作未完成。' } });
    // Plain data only: no Error instance crosses IPC.
    expect(JSON.parse(JSON.stringify(internal))).toEqual(internal);
  });
});

describe('isTrustedSender', () => {
  it('accepts only our origin in the main frame', () => {
    expect(isTrustedSender(eventFrom('app://yandu/index.html'))).toBe(true);
    expect(isTrustedSender(eventFrom('APP://YANDU/index.html'))).toBe(true);
    expect(isTrustedSender(eventFromSubFrame('app://yandu/index.html'))).toBe(false);
    expect(isTrustedSender(eventFrom('https://yandu/'))).toBe(false);
  });
});

describe('sendEvent', () => {
  it('validates and sends (name, payload) on yandu:event', () => {
    const contents = new StubWebContents();
    sendEvent(contents, 'app.notice', { level: 'info', message: '同步完成' });
    expect(contents.sent).toEqual([{ channel: EVENT_CHANNEL, args: ['app.notice', { level: 'info', message: '同步完成' }] }]);
    expect(EVENT_CHANNEL).toBe('yandu:event');
  });

  it('refuses an invalid payload or unknown event and sends nothing', () => {
    const contents = new StubWebContents();
    expect(() => sendEvent(contents, 'app.notice', { level: 'loud', message: 'x' } as never)).toThrow(AppError);
    expect(() => sendEvent(contents, 'no.such' as never, {} as never)).toThrow(AppError);
    expect(contents.sent).toEqual([]);
  });

  it('does not send to a destroyed web contents', () => {
    const contents = new StubWebContents();
    contents.destroyed = true;
    sendEvent(contents, 'app.notice', { level: 'info', message: 'x' });
    expect(contents.sent).toEqual([]);
  });
});
