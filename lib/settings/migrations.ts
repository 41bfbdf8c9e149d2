import { isPlainObject, type RepairIssue, repairValue } from './repair';
import { defaultSettings, type Settings, settingsSchema, SETTINGS_VERSION } from './schema';

/**
 * Ordered steps that bring a stored settings object from any older layout to the current one.
 * Step `to: N` turns a version N-1 object into version N. To change the layout, bump
 * SETTINGS_VERSION, append a step (never edit a released one) and add its test cases.
 */
export interface SettingsMigration {
  to: number;
  description: string;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    to: 1,
    // Version 0 is a settings object with no version field: the finder settings as first stored,
    // with the media type under `type` as in FinderSettings.
    description: 'the media type moves from `type` to `mediaType`',
    migrate(raw) {
      const { type, ...rest } = raw;
      return { ...rest, mediaType: rest.mediaType ?? type, version: 1 };
    },
  },
];

export interface MigratedSettings {
  /** The settings to use: migrated, then repaired field by field. */
  settings: Settings;
  /** The version the stored object declared; 0 when it had no valid version field. */
  storedVersion: number;
  /** True when the stored object came from a newer build. Such an object must not be overwritten. */
  fromNewerVersion: boolean;
  /** True when `settings` differs from what is stored, so saving it would persist a migration or repair. */
  changed: boolean;
  /** The migration steps applied, as "from N to N+1: description". */
  applied: string[];
  /** Fields that were missing, invalid or unknown, and what was done about each. */
  issues: RepairIssue[];
}

/**
 * Reads any stored value as current settings. Nothing stored (undefined) and values that are not
 * objects give the defaults. An object from a newer build is read with this build's schema, so
 * the fields this build defines are kept and the rest take their defaults.
 */
export function migrateSettings(raw: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS): MigratedSettings {
  const applied: string[] = [];
  const issues: RepairIssue[] = [];
  if (raw === undefined) {
    return { settings: defaultSettings(), storedVersion: 0, fromNewerVersion: false, changed: false, applied, issues };
  }
  if (!isPlainObject(raw)) {
    const settings = repairValue(settingsSchema, raw, defaultSettings(), '', issues) as Settings;
    return { settings, storedVersion: 0, fromNewerVersion: false, changed: true, applied, issues };
  }

  const storedVersion = readVersion(raw.version, issues);
  const fromNewerVersion = storedVersion > SETTINGS_VERSION;
  let current: Record<string, unknown> = { ...raw, version: storedVersion === 0 ? undefined : raw.version };
  if (fromNewerVersion) {
    current = { ...raw, version: SETTINGS_VERSION };
  } else {
    for (const step of migrations) {
      if (step.to <= storedVersion || step.to > SETTINGS_VERSION) continue;
      current = step.migrate(current);
      applied.push(`from ${step.to - 1} to ${step.to}: ${step.description}`);
    }
  }

  const settings = repairValue(settingsSchema, current, defaultSettings(), '', issues) as Settings;
  return { settings, storedVersion, fromNewerVersion, changed: !sameJson(settings, raw), applied, issues };
}

function readVersion(version: unknown, issues: RepairIssue[]): number {
  if (version === undefined) return 0;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 1) return version;
  issues.push({
    path: 'version',
    kind: 'invalid',
    message: `version is ${JSON.stringify(version)}, which is not a version number; the object is read as version 0.`,
  });
  return 0;
}

/** Compares two JSON values, ignoring the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
}
