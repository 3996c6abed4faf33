// npm run security: Electronegativity over the desktop app (main/electron plus the page it loads,
// renderer/index.html, for the CSP). The tool always exits 0, so its CSV is parsed here: any HIGH
// or MEDIUM finding not in scripts/electronegativity-allow.json (each entry with its reason) fails.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = mkdtempSync(path.join(os.tmpdir(), 'yandu-security-'));

/** RFC 4180-ish CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field.trim());
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

try {
  mkdirSync(path.join(stage, 'main'), { recursive: true });
  mkdirSync(path.join(stage, 'renderer'), { recursive: true });
  cpSync(path.join(root, 'main/electron'), path.join(stage, 'main/electron'), { recursive: true });
  cpSync(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'));
  const out = path.join(stage, 'electronegativity.csv');
  const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, [bin, '-i', stage, '-o', out], { encoding: 'utf8', timeout: 300_000 });
  if (!existsSync(out)) {
    process.stderr.write(`electronegativity produced no report:\n${run.stdout}\n${run.stderr}\n`);
    process.exit(2);
  }
  const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
  const col = (name) => header.indexOf(name);
  if (!header || col('issue') < 0 || col('severity') < 0 || col('confidence') < 0 || col('filename') < 0) {
    process.stderr.write(`unexpected electronegativity report header: ${header}\n`);
    process.exit(2);
  }
  const { allow } = JSON.parse(readFileSync(path.join(root, 'scripts/electronegativity-allow.json'), 'utf8'));
  for (const a of allow) if (!a.reason || a.reason.length < 20) throw new Error(`allow-list entry without a reason: ${a.issue}`);
  const findings = rows.map((r) => ({
    issue: r[col('issue')],
    severity: r[col('severity')],
    confidence: r[col('confidence')],
    file: r[col('filename')] === 'N/A' ? 'N/A' : path.relative(stage, r[col('filename')]).split(path.sep).join('/'),
    location: r[col('location')],
    sample: (r[col('sample')] ?? '').slice(0, 120),
  }));
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const allowed = (f) => allow.some((a) => a.issue === f.issue && a.file === f.file && (!a.confidence || a.confidence === f.confidence));
  const failing = serious.filter((f) => !allowed(f));
  for (const f of findings)
    process.stdout.write(
      `${allowed(f) ? 'allowed ' : f.severity === 'HIGH' || f.severity === 'MEDIUM' ? 'FAIL    ' : 'info    '}${f.severity} ${f.confidence} ${f.issue} ${f.file}:${f.location}\n`,
    );
  process.stdout.write(
    `electronegativity_findings: ${findings.length}\nelectronegativity_high_medium: ${serious.length}\nelectronegativity_unallowed: ${failing.length}\n`,
  );
  process.exitCode = failing.length ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
