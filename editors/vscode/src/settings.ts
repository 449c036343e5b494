// Maps the VS Code `proplint.*` settings to what the server reads (section `proplint` of
// workspace/configuration and didChangeConfiguration): { target, lang, catalog, rules, debounceMs }.
// Client-only settings (path, detectProposals, trace) are not sent. Invalid values are
// dropped here, with a note, rather than sent for the server to choke on. Pure.
import { expandPath } from './serverPath';

export const RULE_CODES = [
  'stale-revision',
  'unknown-resolution',
  'unknown-revision',
  'suppressed-resolution',
  'uncatalogued-citation',
  'clause-sequence',
  'label-homoglyph',
  'flattened-revision',
  'proposal-sequence',
  'missing-reasons',
  'unused-suppression',
] as const;

/** The values of `proplint.lang`, as the server reads them. */
export const LANGS = ['auto', 'editor', 'en', 'fr', 'es'] as const;

export const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
export type RuleSeverity = (typeof SEVERITIES)[number];

export interface ServerSettings {
  target: string;
  /** The language of the messages: auto (each document's), editor, en, fr or es. */
  lang: string;
  catalog: string[];
  rules: Record<string, RuleSeverity>;
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

/** What `workspace.getConfiguration('proplint', scope).get(key)` returns. */
export type SettingsReader = (key: string) => unknown;

export interface MapContext {
  /** Folder that relative catalogue paths are taken from. */
  workspaceFolder?: string;
  home?: string;
  platform: NodeJS.Platform;
}

export interface Mapped {
  settings: ServerSettings;
  /** One line per dropped or corrected value, for the output channel. */
  warnings: string[];
}

/** A conference id as the catalogue spells it: PP-22, WTDC-17, WTSA-2000. */
export const TARGET_ID = /^[A-Z]+-\d{2,4}$/;

export function toServerSettings(get: SettingsReader, ctx: MapContext): Mapped {
  const warnings: string[] = [];

  let target = '';
  const rawTarget = get('target');
  if (typeof rawTarget === 'string') {
    const t = rawTarget.trim().toUpperCase();
    if (t === '' || TARGET_ID.test(t)) target = t;
    else warnings.push(`proplint.target: "${rawTarget}" is not a conference id like PP-22 or WTDC-17; ignored`);
  }

  let lang = 'auto';
  const rawLang = get('lang');
  if (typeof rawLang === 'string') {
    const l = rawLang.trim().toLowerCase();
    if ((LANGS as readonly string[]).includes(l)) lang = l;
    else if (l !== '') warnings.push(`proplint.lang: "${rawLang}" is not one of ${LANGS.join(', ')}; using auto`);
  }

  const catalog: string[] = [];
  const rawCatalog = get('catalog');
  if (Array.isArray(rawCatalog)) {
    for (const c of rawCatalog) {
      if (typeof c === 'string' && c.trim() !== '') catalog.push(expandPath(c, ctx.workspaceFolder, ctx.home, ctx.platform));
      else warnings.push(`proplint.catalog: ${JSON.stringify(c)} is not a file path; ignored`);
    }
  } else if (typeof rawCatalog === 'string' && rawCatalog.trim() !== '') {
    catalog.push(expandPath(rawCatalog, ctx.workspaceFolder, ctx.home, ctx.platform));
  }

  const rules: Record<string, RuleSeverity> = {};
  const rawRules = get('rules');
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    for (const [code, sev] of Object.entries(rawRules as Record<string, unknown>)) {
      const s = typeof sev === 'string' ? sev.trim().toLowerCase() : sev;
      const norm = s === 'information' ? 'info' : s === 'none' ? 'off' : s;
      if (!(RULE_CODES as readonly string[]).includes(code)) {
        warnings.push(`proplint.rules: unknown rule "${code}"; passed on anyway`);
      }
      if (typeof norm === 'string' && (SEVERITIES as readonly string[]).includes(norm)) rules[code] = norm as RuleSeverity;
      else warnings.push(`proplint.rules.${code}: ${JSON.stringify(sev)} is not one of ${SEVERITIES.join(', ')}; ignored`);
    }
  }

  let debounceMs = DEFAULT_DEBOUNCE_MS;
  const rawDebounce = get('debounceMs');
  if (typeof rawDebounce === 'number' && Number.isFinite(rawDebounce) && rawDebounce >= 0) {
    debounceMs = Math.round(rawDebounce);
  } else if (rawDebounce !== undefined && rawDebounce !== null) {
    warnings.push(`proplint.debounceMs: ${JSON.stringify(rawDebounce)} is not a non-negative number; using ${DEFAULT_DEBOUNCE_MS}`);
  }

  return { settings: { target, lang, catalog, rules, debounceMs }, warnings };
}

/** Settings whose change needs a new server process rather than a didChangeConfiguration. */
export const RESTART_SETTINGS = ['proplint.path'];

/** Settings the server reads; a change is pushed with didChangeConfiguration. */
export const SERVER_SETTINGS = ['proplint.target', 'proplint.lang', 'proplint.catalog', 'proplint.rules', 'proplint.debounceMs'];
