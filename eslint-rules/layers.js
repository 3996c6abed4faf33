// The import rules of DESIGN.md ("One core, three hosts"), enforced on every import, export-from
// and dynamic import, as VS Code does for its environment folders. Relative imports are resolved
// to the folder they land in, so "../../main/x" is judged by where it points, not how it is spelt.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

// Libraries that assume a DOM or a UI: never in shared/ (pure) or main/ (Node).
const DOM_SIDE = new Set(['react', 'react-dom', 'dexie', 'zustand', 'dompurify', '@tanstack/react-virtual', 'dexie-react-hooks']);

/** Which layer a repo-relative path belongs to, or null for files outside the layered code. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('main/electron/')) return 'electron';
  if (p.startsWith('main/services/')) return 'services';
  if (p.startsWith('main/host/') || p === 'main/cli.ts' || p.startsWith('main/cli/') || p === 'main/cli-commands.ts') return 'host';
  if (p.startsWith('main/')) return 'host';
  return null;
}

// layer -> layers it may import from.
const ALLOWED_LAYERS = {
  shared: ['shared'],
  services: ['shared', 'services'],
  host: ['shared', 'services', 'host'],
  electron: ['shared', 'services', 'electron'],
  renderer: ['shared', 'renderer'],
};

/** Why a bare package import is forbidden in a layer, or null when it is fine. */
function packageProblem(layer, spec) {
  const name = packageName(spec);
  if (name === 'electron') return layer === 'electron' ? null : "'electron' may only be imported in main/electron/";
  if (isNodeBuiltin(spec)) {
    if (layer === 'shared') return 'shared/ is pure TypeScript: no Node built-ins';
    if (layer === 'renderer') return 'renderer/ runs in the browser: no Node built-ins';
    return null;
  }
  if (DOM_SIDE.has(name) && layer !== 'renderer')
    return `'${name}' belongs to the renderer, not ${layer === 'shared' ? 'shared/' : 'main/'}`;
  return null;
}

const LAYER_LABEL = {
  shared: 'shared/',
  services: 'main/services/',
  host: 'main/host/ and the CLI',
  electron: 'main/electron/',
  renderer: 'renderer/',
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer import rules of DESIGN.md' },
    schema: [],
    messages: { forbidden: '{{detail}} (DESIGN.md import rules)' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(path.relative(root, file));
    if (!from) return {};
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      let detail = null;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        const to = layerOf(target);
        if (target.startsWith('..') || target.startsWith('node_modules')) detail = 'import leaves the project tree';
        else if (to && !ALLOWED_LAYERS[from].includes(to)) detail = `${LAYER_LABEL[from]} may not import from ${LAYER_LABEL[to]}`;
      } else {
        detail = packageProblem(from, spec);
      }
      if (detail) context.report({ node: source, messageId: 'forbidden', data: { detail } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
          check(node, node.arguments[0]);
      },
    };
  },
};
