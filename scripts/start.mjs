// npm start: the desktop app. Without an Electron binary (offline machine, no
// ELECTRON_OVERRIDE_DIST_PATH) it says so and starts the browser host instead.
import { spawn } from 'node:child_process';
import { requireNode } from './node-version.mjs';
import { electronLaunchArgs, findElectronBinary } from './electron-binary.mjs';
import { buildIfNeeded, root, serve } from './lib.mjs';

// Building (Vite, esbuild) and the browser host need package.json's Node; Electron itself
// brings its own Node, but the app is built here first.
requireNode(['启动研读', 'start Yandu']);
await buildIfNeeded();
const electron = findElectronBinary(root);
if (electron.ok) {
  const child = spawn(electron.path, electronLaunchArgs(root, process.argv.slice(2)), {
    cwd: root,
    stdio: 'inherit',
  });
  child.once('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(
    [
      '找不到 Electron 程序，无法启动桌面版；改为启动浏览器版，请用浏览器打开下面的地址。',
      `Electron binary not found (${electron.reason}); starting the browser host instead. Open the address below in a browser.`,
      '（设置 ELECTRON_OVERRIDE_DIST_PATH 指向已解压的 Electron 目录即可离线运行桌面版 / set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder to run the desktop app offline.）',
      '',
    ].join('\n'),
  );
  serve(process.argv.slice(2));
}
