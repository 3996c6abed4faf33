/** Where the user's files live when a host does not say (the browser host, the CLI). */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.YANDU_DATA_DIR) return path.resolve(env.YANDU_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), '研读');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', '研读');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'yandu');
}

/** Synced and imported images, stored by content hash; served to the renderer as ./media/<name>. */
export function mediaDir(dataDir: string): string {
  return path.join(dataDir, 'media');
}

/** URL paths under this prefix are served from the media folder by both hosts. */
export const MEDIA_PREFIX = '/media/';
