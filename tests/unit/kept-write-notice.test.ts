/**
 * A choice the page applied at once whose write failed (ui/keptWriteNotice.ts): told once, in
 * Chinese, not at each change, until a write of the same kind is stored again; the message says
 * whether the journal keeps the value for the next start, and a refusal says why.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const shown: { text: string; kind?: string }[] = [];
vi.mock('../../renderer/ui/notify', () => ({
  notify: (text: string, options: { kind?: string } = {}) => {
    shown.push({ text, kind: options.kind });
    return shown.length;
  },
}));

const { toldIfNotStored, resetToldWrites } = await import('../../renderer/ui/keptWriteNotice');
const { WriteNotStored } = await import('../../renderer/core/pendingWrites');
const { AppError } = await import('../../shared/errors');

const settle = () => new Promise((r) => setTimeout(r, 0));
const fullDisk = () => new WriteNotStored(new DOMException('quota', 'QuotaExceededError'), true);

describe('a write the page applied at once that failed', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => {
    shown.length = 0;
    resetToldWrites();
    vi.restoreAllMocks();
  });

  it('is told once for a run of failures of one kind, and again after one of them was stored', async () => {
    toldIfNotStored('阅读设置', Promise.reject(fullDisk()));
    toldIfNotStored('阅读设置', Promise.reject(fullDisk()));
    toldIfNotStored('阅读设置', Promise.reject(fullDisk()));
    await settle();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.kind).toBe('error');
    expect(shown[0]!.text).toContain('阅读设置未能存入文库（存储空间已满）');
    expect(shown[0]!.text).toContain('下次启动时再写入');

    // Another kind is its own story.
    toldIfNotStored('抓取设置', Promise.reject(fullDisk()));
    await settle();
    expect(shown).toHaveLength(2);

    toldIfNotStored('阅读设置', Promise.resolve());
    await settle();
    toldIfNotStored('阅读设置', Promise.reject(fullDisk()));
    await settle();
    expect(shown).toHaveLength(3);
  });

  it('says when the value could not be kept either, and a store that broke is not called full', async () => {
    toldIfNotStored('高亮的颜色和样式', Promise.reject(new WriteNotStored(new Error('Database has been closed'), false)));
    await settle();
    expect(shown[0]!.text).toContain('高亮的颜色和样式未能存入文库（文库数据库出错），本机也无法暂存');
    expect(shown[0]!.text).not.toContain('Database');
  });

  it('a refusal says why in the words of its error', async () => {
    toldIfNotStored('抓取设置', Promise.reject(new AppError('E_INVALID_ARGUMENT', '设置“sync”的值无效。没有保存。')));
    await settle();
    expect(shown.map((s) => s.text)).toEqual(['抓取设置没有保存：设置“sync”的值无效。没有保存。']);
  });
});
