/**
 * The support log: size-capped files with a fixed number of generations, JSON lines, and
 * nothing from content (article or note text, URLs' paths, credentials, error messages).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { code, createLog, errorFields, formatLine, origin, REDACTED, type LogFs, type LogText } from '../../main/services/log';

const ARTICLE = '深入学习贯彻党的二十大精神，坚持不懈用新时代中国特色社会主义思想凝心铸魂';

describe('log rotation', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yandu-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the current file under the cap and exactly N older generations, newest lines last', () => {
    const log = createLog({ dir, maxBytes: 2000, generations: 3 });
    for (let i = 0; i < 200; i++) log.info('sync.end', { seq: i, fetched: i * 2 });
    expect(readdirSync(dir).sort()).toEqual(['yandu.1.log', 'yandu.2.log', 'yandu.3.log', 'yandu.log']);
    const seqs: number[] = [];
    for (const name of ['yandu.3.log', 'yandu.2.log', 'yandu.1.log', 'yandu.log']) {
      const file = path.join(dir, name);
      expect(statSync(file).size).toBeLessThanOrEqual(2000);
      for (const line of readFileSync(file, 'utf8').trim().split('\n')) seqs.push((JSON.parse(line) as { seq: number }).seq);
    }
    // The four files hold the most recent lines, in order, with none missing between them.
    expect(seqs.at(-1)).toBe(199);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => 200 - seqs.length + i));
    expect(seqs.length).toBeGreaterThan(20);
  });

  it('drops lines below its level', () => {
    const log = createLog({ dir, level: 'warn' });
    log.info('host.start', { port: 1 });
    log.debug('host.debug');
    log.warn('sync.failed', { code: code('E_RESOURCE') });
    const lines = readFileSync(path.join(dir, 'yandu.log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['sync.failed']);
  });

  it('never throws into the code it records (a disk that refuses writes)', () => {
    const calls: string[] = [];
    const failing: LogFs = {
      appendFileSync: () => {
        calls.push('append');
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      statSync: () => ({ size: 0 }),
      renameSync: () => undefined,
      rmSync: () => undefined,
      mkdirSync: () => undefined,
    };
    const log = createLog({ dir, fs: failing });
    expect(() => log.error('host.request.failed', { status: 500 })).not.toThrow();
    expect(calls).toEqual(['append']);
  });
});

describe('log redaction by construction', () => {
  const at = new Date('2026-12-05T01:02:03Z');
  const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

  it('code() refuses prose: Chinese text, spaces, anything long', () => {
    expect(code('E_RESOURCE')).toBe('E_RESOURCE');
    expect(code(ARTICLE)).toBe(REDACTED);
    expect(code('two words')).toBe(REDACTED);
    expect(code('x'.repeat(81))).toBe(REDACTED);
  });

  it('origin() keeps scheme, host and port only', () => {
    expect(origin('http://alice:pw@intranet.example:8080/news/2026/1.html?sid=42#top')).toBe('http://intranet.example:8080');
    expect(origin('file:///home/alice/学习材料')).toBe(REDACTED);
    expect(origin('not a url')).toBe(REDACTED);
  });

  it('errorFields() carries the code and stack positions, never the message', () => {
    const error = Object.assign(new Error(`写入失败：${ARTICLE} http://u:p@h/x`), { code: 'EBUSY', syscall: 'rename' });
    const fields = errorFields(error);
    const line = formatLine(at, 'error', 'backup.failed', fields);
    expect(parse(line)).toMatchObject({ error: 'Error', code: 'EBUSY', syscall: 'rename' });
    expect(String(parse(line).at)).toMatch(/log\.test\.ts:\d+:\d+/);
    expect(line).not.toContain('写入失败');
    expect(line).not.toContain('u:p@');
  });

  it('drops credential-named fields and plain strings that slip past the types', () => {
    const sneaky = { password: code('hunter2'), token: 5, cookie: true, title: ARTICLE as unknown as LogText, port: 17000 };
    const record = parse(formatLine(at, 'info', 'host.start', sneaky));
    expect(record).toMatchObject({ password: REDACTED, token: REDACTED, cookie: REDACTED, title: REDACTED, port: 17000 });
    expect(JSON.stringify(record)).not.toContain('hunter2');
    expect(record).toMatchObject({ t: '2026-12-05T01:02:03.000Z', level: 'info', event: 'host.start' });
  });

  it('an event must be a dotted code, not a sentence', () => {
    expect(parse(formatLine(at, 'info', `saved ${ARTICLE}`)).event).toBe(REDACTED);
    expect(parse(formatLine(at, 'info', 'sync.end')).event).toBe('sync.end');
  });
});
