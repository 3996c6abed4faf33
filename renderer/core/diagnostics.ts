/** What the renderer adds to 导出诊断信息: its settings rows, browser storage and table sizes. */
import type { DiagnosticsRequest, DiagnosticsResult } from '../../shared/contract';
import { api } from '../bridge';
import { db } from '../db';

export async function gatherDiagnostics(): Promise<DiagnosticsRequest> {
  const rows = await db.settings.toArray();
  const tables: Record<string, number> = {};
  // Counts only: no row of any table other than settings leaves the page.
  for (const table of db.tables) tables[table.name] = await table.count();
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const persisted = await navigator.storage?.persisted?.().catch(() => null);
  const whole = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : null);
  return {
    settings: rows.map((row) => ({ key: row.key, value: row.value })),
    storage: { usage: whole(estimate?.usage), quota: whole(estimate?.quota), persisted: persisted ?? null, tables },
  };
}

export async function exportDiagnostics(): Promise<DiagnosticsResult> {
  return api.app.diagnostics(await gatherDiagnostics());
}
