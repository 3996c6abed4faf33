// The import rules of DESIGN.md ("One core, three hosts"), enforced on every import, export-from
// and dynamic import, as VS Code does for its environment folders. Relative imports are resolved
// to the folder they land in, so "../../main/x" is judged by where it points, not how it is spelt.
// Inside the renderer: features import core, ui, stores, i18n, shared and other features only
// through their index.ts; db never imports features or core; views never reach db, also not
// through a module that re-exports it. main/services never imports a devDependency.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

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

// ---- inside the renderer ----

/** renderer/<area>/… → area ("features", "db", "core", …); features also give their name. */
function rendererArea(rel) {
  const parts = rel.split(path.sep).join('/').split('/');
  if (parts[0] !== 'renderer' || parts.length < 2) return null;
  const area = parts.length === 2 ? parts[1].replace(/\.[cm]?[jt]sx?$/, '') : parts[1];
  return {
    area,
    feature: area === 'features' && parts.length > 3 ? parts[2] : null,
    rest: parts.slice(area === 'features' ? 3 : 2).join('/'),
  };
}

// What a view (renderer/features/*) may import besides its own feature and other features' index.
const FEATURE_MAY_IMPORT = new Set(['core', 'ui', 'stores', 'i18n']);

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];

/** The file a relative import lands on, or null (a path that names no source file). */
function resolveFile(abs) {
  for (const candidate of [abs, ...EXTENSIONS.map((e) => abs + e), ...EXTENSIONS.map((e) => path.join(abs, `index${e}`))]) {
    if (EXTENSIONS.some((e) => candidate.endsWith(e)) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Relative module specifiers a file re-exports: export-from, and imported names exported again. */
function reExportedSpecifiers(file) {
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const importedFrom = new Map(); // local name -> specifier
  const out = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
      const spec = st.moduleSpecifier.text;
      const c = st.importClause;
      if (c.name) importedFrom.set(c.name.text, spec);
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) importedFrom.set(c.namedBindings.name.text, spec);
      if (c.namedBindings && ts.isNamedImports(c.namedBindings))
        for (const el of c.namedBindings.elements) importedFrom.set(el.name.text, spec);
    } else if (ts.isExportDeclaration(st)) {
      if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) out.push(st.moduleSpecifier.text);
      else if (st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) {
          const spec = importedFrom.get((el.propertyName ?? el.name).text);
          if (spec) out.push(spec);
        }
    } else if (ts.isExportAssignment(st) && ts.isIdentifier(st.expression)) {
      const spec = importedFrom.get(st.expression.text);
      if (spec) out.push(spec);
    }
  }
  return out.filter((spec) => spec.startsWith('.'));
}

/**
 * Whether the module at `file` (outside renderer/db) hands out renderer/db by re-exporting it,
 * directly or through further re-exporting modules. Cached per lint run by file.
 */
function reExportsDb(root, file, cache, seen = new Set()) {
  if (cache.has(file)) return cache.get(file);
  if (seen.has(file)) return false;
  seen.add(file);
  let found = false;
  for (const spec of reExportedSpecifiers(file)) {
    const abs = path.resolve(path.dirname(file), spec);
    const target = rendererArea(path.relative(root, abs));
    if (target?.area === 'db') {
      found = true;
      break;
    }
    const next = resolveFile(abs);
    if (next && reExportsDb(root, next, cache, seen)) {
      found = true;
      break;
    }
  }
  cache.set(file, found);
  return found;
}

/** Why a renderer-internal import is forbidden, or null. `rel` is the target's repo path. */
function rendererProblem(fromRel, targetRel, targetAbs, root, cache) {
  const from = rendererArea(fromRel);
  const to = rendererArea(targetRel);
  if (!from || !to) return null;
  if (from.area === 'db') {
    if (to.area === 'features' || to.area === 'core')
      return `renderer/db/ holds tables and repositories only: it may not import renderer/${to.area}/`;
    return null;
  }
  if (from.area === 'core') {
    // Core is below the views: the graph points features → core → db, nothing back.
    if (to.area === 'features' || to.area === 'app') return `renderer/core/ serves the views: it may not import renderer/${to.area}/`;
    return null;
  }
  if (from.area !== 'features') return null;
  if (to.area === 'db') return 'views (renderer/features/) never import renderer/db/: go through renderer/core/';
  if (to.area === 'features') {
    const viaIndex = to.rest === '' || to.rest === 'index' || /^index\.[cm]?[jt]sx?$/.test(to.rest);
    if (to.feature !== from.feature && !viaIndex)
      return `another feature only through its index.ts: import 'features/${to.feature}', not 'features/${to.feature}/${to.rest}'`;
  } else if (!FEATURE_MAY_IMPORT.has(to.area)) {
    return `views (renderer/features/) may import core, ui, stores, i18n, shared and other features' index.ts, not renderer/${to.area}/`;
  }
  const file = resolveFile(targetAbs);
  if (file && reExportsDb(root, file, cache))
    return `renderer/${targetRel.split('/').slice(1).join('/')} re-exports renderer/db/, which views never import`;
  return null;
}

/** package.json devDependencies of the project being linted, read once per project root. */
const devDepsByRoot = new Map();
function devDependencies(root) {
  if (!devDepsByRoot.has(root)) {
    let names = new Set();
    try {
      names = new Set(Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies ?? {}));
    } catch {
      // no package.json: nothing to compare with
    }
    devDepsByRoot.set(root, names);
  }
  return devDepsByRoot.get(root);
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
    schema: [
      {
        type: 'object',
        properties: {
          // Files exempt from the renderer-internal rules while issue 13 moves the renderer into shape.
          transitionalRendererFiles: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: { forbidden: '{{detail}} (DESIGN.md import rules)' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const fromRel = path.relative(root, file).split(path.sep).join('/');
    const from = layerOf(fromRel);
    if (!from) return {};
    const transitional = new Set(context.options[0]?.transitionalRendererFiles ?? []);
    const checkRenderer = from === 'renderer' && !transitional.has(fromRel);
    const reExportCache = new Map();
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      let detail = null;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const targetAbs = path.resolve(path.dirname(file), spec);
        const target = path.relative(root, targetAbs);
        const to = layerOf(target);
        if (target.startsWith('..') || target.startsWith('node_modules')) detail = 'import leaves the project tree';
        else if (to && !ALLOWED_LAYERS[from].includes(to)) detail = `${LAYER_LABEL[from]} may not import from ${LAYER_LABEL[to]}`;
        else if (checkRenderer && to === 'renderer')
          detail = rendererProblem(fromRel, target.split(path.sep).join('/'), targetAbs, root, reExportCache);
      } else {
        detail = packageProblem(from, spec);
        // A devDependency is not installed with the app: services that import one break in production.
        if (!detail && from === 'services' && devDependencies(root).has(packageName(spec)))
          detail = `'${packageName(spec)}' is a devDependency: main/services/ may not import it (use it from main/cli/ or tests)`;
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
