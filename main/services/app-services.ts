/**
 * The services behind the contract, free of Electron: each host builds them once with what
 * only it knows (which host it is, where resources live, how to open a link outside).
 */
import type { Services } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { loadSampleLibrary } from './sample-library';

export interface ServiceOptions {
  host: 'electron' | 'browser';
  version: string;
  resourcesDir: string;
  /** Opens a vetted http(s) URL outside the app; returns whether it did. */
  openExternal: (url: string) => Promise<boolean>;
}

/** Only plain web links may leave the app; anything else (file:, javascript:, custom schemes) is refused. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function createServices(options: ServiceOptions): Services {
  return {
    app: {
      info: async () => ({
        name: '研读',
        version: options.version,
        host: options.host,
        platform: process.platform,
      }),
      openExternal: async ({ url }) => {
        if (!isSafeExternalUrl(url)) throw new AppError('E_FORBIDDEN', '只能打开 http 或 https 链接。');
        return { opened: await options.openExternal(url) };
      },
    },
    library: {
      sample: async () => loadSampleLibrary(`${options.resourcesDir}/sample-library`),
    },
  };
}
