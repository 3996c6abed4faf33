/**
 * The one list of what the renderer may ask of its host (DESIGN.md, "The contract").
 *
 * Every method takes one plain-data argument and returns plain data, each with a schema; the
 * receiving side validates arguments and the sending side validates results. Both transports
 * (IPC through the preload, HTTP for the browser host) are built from `contract` and `events`,
 * so adding a method is one entry here and one in the service that implements it.
 */
import * as v from 'valibot';
import { ArticlePayloadSchema } from './domain/article';
import {
  SourceKindSchema,
  SourcePreviewSchema,
  SyncBatchSchema,
  SyncLogEntrySchema,
  SyncProgressSchema,
  SyncRequestSchema,
} from './domain/sync';
import { AppError } from './errors';
import { backupMethods } from './backup/api';
import { packetMethods } from './packet/api';
import { channelMethods } from './channel/api';

export interface MethodSpec<I extends v.GenericSchema = v.GenericSchema, O extends v.GenericSchema = v.GenericSchema> {
  readonly input: I;
  readonly output: O;
}

function method<I extends v.GenericSchema, O extends v.GenericSchema>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

const NoArgs = v.strictObject({});

export const AppInfoSchema = v.strictObject({
  name: v.string(),
  version: v.string(),
  /** Which host, for showing only: behaviour follows `capabilities`, never the host's name. */
  host: v.picklist(['electron', 'browser']),
  platform: v.string(),
  /** What this host can do for the renderer. */
  capabilities: v.strictObject({
    /** print.dialog and print.toPdf print the window; otherwise they answer `supported: false` and the page uses window.print(). */
    printsWindow: v.boolean(),
    /** files.chooseFolder opens a system dialog; otherwise it answers null and a path is typed in. */
    folderDialog: v.boolean(),
  }),
  /**
   * How long continuous backups wait: after the last change (settle), and at most after the
   * first unsaved one (max-wait). Set by a host for tests (YANDU_BACKUP_SETTLE_MS); absent =
   * the renderer's production defaults.
   */
  backup: v.optional(
    v.strictObject({
      settleMs: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(3_600_000)),
      maxWaitMs: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(86_400_000)),
    }),
  ),
});
export type AppInfo = v.InferOutput<typeof AppInfoSchema>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What only the renderer knows for 导出诊断信息: its settings rows and browser storage. */
export const DiagnosticsRequestSchema = v.strictObject({
  settings: v.pipe(v.array(v.strictObject({ key: v.pipe(v.string(), v.maxLength(200)), value: v.unknown() })), v.maxLength(1000)),
  storage: v.strictObject({
    usage: v.nullable(Count),
    quota: v.nullable(Count),
    persisted: v.nullable(v.boolean()),
    tables: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), Count), v.maxEntries(100)),
  }),
});
export type DiagnosticsRequest = v.InferOutput<typeof DiagnosticsRequestSchema>;

export const DiagnosticsResultSchema = v.strictObject({
  path: v.string(),
  name: v.string(),
  bytes: Count,
  entries: v.array(v.string()),
});
export type DiagnosticsResult = v.InferOutput<typeof DiagnosticsResultSchema>;

export const contract = {
  app: {
    /** Name, version and which host the renderer runs in. */
    info: method(NoArgs, AppInfoSchema),
    /** Opens a vetted http(s) link outside the app (system browser / new tab). */
    openExternal: method(
      v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\//i), v.url()) }),
      v.strictObject({ opened: v.boolean() }),
    ),
    /** Answer to `app.quitting`: the page's final backup is written (its name) or was not needed (null). */
    quitReady: method(v.strictObject({ backup: v.nullable(v.pipe(v.string(), v.maxLength(255))) }), v.strictObject({ ok: v.boolean() })),
    /** 导出诊断信息: zips the support log, versions, settings without secrets and storage figures into the data folder. */
    diagnostics: method(DiagnosticsRequestSchema, DiagnosticsResultSchema),
  },
  library: {
    /** The bundled sample library (our own articles) for the first run. */
    sample: method(NoArgs, v.pipe(v.array(ArticlePayloadSchema), v.maxLength(500))),
  },
  sources: {
    /** Fetches a URL (or looks at a folder) and says what kind of source it is, with a preview (试抓取). */
    preview: method(
      v.strictObject({ location: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)), kind: v.optional(SourceKindSchema) }),
      SourcePreviewSchema,
    ),
  },
  sync: {
    /** Starts syncing one source; batches, progress and log lines arrive as events. */
    start: method(SyncRequestSchema, v.strictObject({ runId: v.string() })),
    /** The renderer stored batch `seq` (or failed to: `ok: false`); main sends the next one. */
    ack: method(
      v.strictObject({
        runId: v.pipe(v.string(), v.maxLength(64)),
        seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
        ok: v.boolean(),
        message: v.optional(v.pipe(v.string(), v.maxLength(500))),
      }),
      v.strictObject({ accepted: v.boolean() }),
    ),
    cancel: method(v.strictObject({ runId: v.pipe(v.string(), v.maxLength(64)) }), v.strictObject({ cancelled: v.boolean() })),
    /** Runs main is running now, with their latest progress: a reloaded page takes them up again. */
    active: method(NoArgs, v.strictObject({ runs: v.pipe(v.array(SyncProgressSchema), v.maxLength(100)) })),
    /** Sends a run's unacknowledged batches again (a reloaded page now listens for them). */
    attach: method(v.strictObject({ runId: v.pipe(v.string(), v.maxLength(64)) }), v.strictObject({ attached: v.boolean() })),
  },
  files: {
    /** A folder chosen in the system dialog (desktop); null where there is none (browser host). */
    chooseFolder: method(NoArgs, v.strictObject({ path: v.nullable(v.pipe(v.string(), v.maxLength(4096))) })),
    /** Picked or dropped .pdf/.doc/.wps/.ofd/.docx/.html/.txt files, as bytes: articles to add, and what failed. */
    importFiles: method(
      v.strictObject({
        files: v.pipe(
          v.array(
            v.strictObject({
              name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
              // 20 MB per file, base64.
              dataBase64: v.pipe(v.string(), v.maxLength(28_000_000), v.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
            }),
          ),
          v.minLength(1),
          v.maxLength(20),
        ),
      }),
      v.strictObject({
        articles: v.pipe(v.array(ArticlePayloadSchema), v.maxLength(20)),
        failures: v.array(v.strictObject({ name: v.string(), code: v.string(), message: v.string() })),
      }),
    ),
  },
  /** The originals of imported documents (查看原件), kept in the data folder by content hash. */
  documents: {
    /**
     * Opens an original with the system's program (desktop). `opened: false` where the host
     * cannot (browser host): the page then downloads it from /documents/<sha256>.<ext>.
     */
    open: method(
      v.strictObject({
        file: v.pipe(v.string(), v.regex(/^documents\/[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)$/)),
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
      }),
      v.strictObject({ opened: v.boolean() }),
    ),
  },
  /** Packet (学习资料包) and return (学习成果回执) files: written, checked and read in main. */
  packets: packetMethods,
  /** Backup files of the whole library (数据与备份): written, listed, checked and read back in main. */
  backup: backupMethods,
  /** Organisation channels on a WebDAV server (组织通道): packets out, returns back, an outbox while offline. */
  channels: channelMethods,
  /** Printing the window that shows a print route (desktop); `supported: false` in the browser host, which uses window.print(). */
  print: {
    /** Saves the calling window as an A4 PDF (its CSS @page size and margins) where the user chooses; path null when cancelled. */
    toPdf: method(
      v.strictObject({ fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
      v.strictObject({ supported: v.boolean(), path: v.nullable(v.pipe(v.string(), v.maxLength(4096))) }),
    ),
    /** Opens the system print dialog for the calling window. */
    dialog: method(NoArgs, v.strictObject({ supported: v.boolean(), printed: v.boolean() })),
    /**
     * The print view's document (its HTML and the page's stylesheets) as A4 PDF bytes, made by
     * the system's Chromium (browser host). `supported: false` with a Chinese `reason` when this
     * host has no Chromium to print with: the page then falls back to the print dialog.
     */
    exportPdf: method(
      v.strictObject({
        html: v.pipe(v.string(), v.minLength(1), v.maxLength(64 * 1024 * 1024)),
        stylesheets: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(50)),
      }),
      v.strictObject({ supported: v.boolean(), reason: v.nullable(v.pipe(v.string(), v.maxLength(2000))), base64: v.nullable(v.string()) }),
    ),
  },
} as const;

export const NoticeSchema = v.strictObject({
  level: v.picklist(['info', 'warning', 'error']),
  message: v.pipe(v.string(), v.maxLength(2000)),
});

/** Typed event streams from host to renderer. */
export const events = {
  'app.notice': NoticeSchema,
  /** The host is about to quit: take a final backup of pending changes, then call app.quitReady. */
  'app.quitting': v.strictObject({ timeoutMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600_000)) }),
  'sync.progress': SyncProgressSchema,
  'sync.batch': SyncBatchSchema,
  'sync.log': SyncLogEntrySchema,
} as const;

export type Contract = typeof contract;
export type Namespace = keyof Contract;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = v.InferOutput<(typeof events)[E]>;

type Input<S extends MethodSpec> = v.InferInput<S['input']>;
type Output<S extends MethodSpec> = v.InferOutput<S['output']>;

/** What the renderer sees: one async function per method. */
export type Api = {
  readonly [N in Namespace]: {
    readonly [M in keyof Contract[N]]: Contract[N][M] extends MethodSpec
      ? (arg: Input<Contract[N][M]>) => Promise<Output<Contract[N][M]>>
      : never;
  };
} & {
  readonly events: {
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  };
};

/** What a host implements: the same methods, given validated arguments. */
export type Services = {
  readonly [N in Namespace]: {
    readonly [M in keyof Contract[N]]: Contract[N][M] extends MethodSpec<infer I, infer O>
      ? (arg: v.InferOutput<I>) => Promise<v.InferInput<O>>
      : never;
  };
};

/** Every method as "namespace.method", the wire name both transports use. */
export const methodNames: readonly string[] = Object.entries(contract).flatMap(([ns, methods]) =>
  Object.keys(methods).map((m) => `${ns}.${m}`),
);

export const eventNames = Object.keys(events) as EventName[];

export function lookupMethod(name: string): MethodSpec | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const ns = name.slice(0, dot);
  const m = name.slice(dot + 1);
  if (!Object.hasOwn(contract, ns)) return undefined;
  const methods = contract[ns as Namespace] as Record<string, MethodSpec>;
  return Object.hasOwn(methods, m) ? methods[m] : undefined;
}

const ISSUE_TEXT: Record<string, string> = {
  object: '应为对象',
  strict_object: '含有不允许的字段',
  string: '应为文本',
  number: '应为数字',
  boolean: '应为真假值',
  array: '应为列表',
  picklist: '不在允许的取值中',
  literal: '取值不对',
  regex: '格式不对',
  url: '不是有效的网址',
  min_length: '太短',
  max_length: '太长',
  min_value: '太小',
  max_value: '太大',
  integer: '应为整数',
  nullable: '取值不对',
};

/** Chinese, short, at most three problems: enough to fix the call, never a dump of the input. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path?.map((p) => String(p.key)).join('.') ?? '';
      const what = ISSUE_TEXT[i.type] ?? '无效';
      return path ? `${path.slice(0, 80)} ${what}` : what;
    })
    .join('；');
}

/** Validates an incoming argument; throws E_INVALID_ARGUMENT with a Chinese message. */
export function parseArgument(name: string, arg: unknown): unknown {
  const spec = lookupMethod(name);
  if (!spec) throw new AppError('E_UNKNOWN_METHOD', `未知的调用：${String(name).slice(0, 80)}`);
  const result = v.safeParse(spec.input, arg ?? {});
  if (!result.success) {
    throw new AppError('E_INVALID_ARGUMENT', `参数无效（${name}）：${describeIssues(result.issues)}`);
  }
  return result.output;
}

/** Validates an outgoing result, so a host bug never hands the renderer malformed data. */
export function parseResult(name: string, value: unknown): unknown {
  const spec = lookupMethod(name);
  if (!spec) throw new AppError('E_UNKNOWN_METHOD', `未知的调用：${String(name).slice(0, 80)}`);
  const result = v.safeParse(spec.output, value);
  if (!result.success) {
    throw new AppError('E_INVALID_RESULT', `后台返回的数据无效（${name}）：${describeIssues(result.issues)}`);
  }
  return result.output;
}

export function parseEvent(name: string, payload: unknown): unknown {
  if (!Object.hasOwn(events, name)) throw new AppError('E_UNKNOWN_METHOD', `未知的事件：${String(name).slice(0, 80)}`);
  const result = v.safeParse(events[name as EventName], payload);
  if (!result.success) throw new AppError('E_INVALID_RESULT', `事件数据无效（${name}）：${describeIssues(result.issues)}`);
  return result.output;
}

/** Calls the implementing service after validating the argument and before returning the result. */
export async function dispatch(services: Services, name: string, arg: unknown): Promise<unknown> {
  const input = parseArgument(name, arg);
  const [ns, m] = name.split('.') as [Namespace, string];
  const fn = (services[ns] as Record<string, (a: unknown) => Promise<unknown>>)[m];
  if (typeof fn !== 'function') throw new AppError('E_UNKNOWN_METHOD', `未实现的调用：${name}`);
  const output = await fn.call(services[ns], input);
  return parseResult(name, output);
}

/**
 * Builds an Api object from a generic `call(name, arg)` and `subscribe(name, listener)`; the
 * transports differ only in those two functions.
 */
export function buildApi(
  call: (name: string, arg: unknown) => Promise<unknown>,
  subscribe: (name: EventName, listener: (payload: unknown) => void) => () => void,
): Api {
  const api: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(contract)) {
    const target: Record<string, (arg: unknown) => Promise<unknown>> = {};
    for (const m of Object.keys(methods)) {
      const name = `${ns}.${m}`;
      target[m] = (arg: unknown) => call(name, arg ?? {});
    }
    api[ns] = Object.freeze(target);
  }
  api.events = Object.freeze({
    on: (name: EventName, listener: (payload: unknown) => void) => {
      if (!Object.hasOwn(events, name)) throw new AppError('E_UNKNOWN_METHOD', `未知的事件：${String(name)}`);
      return subscribe(name, listener);
    },
  });
  return Object.freeze(api) as Api;
}
