import { z } from 'zod';
import { type IgnoredItem, MAX_STORED_TITLE_LENGTH } from '../ignored/shards';
import { migrateSettings } from './migrations';
import { isPlainObject } from './repair';
import type { Settings } from './schema';

/**
 * The backup file of the options page: the settings and the ignored list as JSON. Parsing checks
 * the whole file before anything is imported, so a bad file changes nothing.
 */

export const BACKUP_FORMAT = 'sequel-finder-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  settings: Settings;
  ignored: IgnoredItem[];
}

export function createBackup(settings: Settings, ignored: readonly IgnoredItem[], now = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: structuredClone(settings),
    ignored: ignored.map((item) => ({ ...item })),
  };
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export type ParseBackupResult =
  | { ok: true; backup: Backup; /** Migrations applied, defaults filled in and unknown fields left out. */ notes: string[] }
  | { ok: false; reasons: string[] };

const ignoredItemSchema = z.strictObject({
  mediaId: z.number().int().positive(),
  title: z.string().max(MAX_STORED_TITLE_LENGTH * 4).nullable(),
  ignoredAt: z.number().int().nonnegative(),
});

/** Reads a backup file's text, returning the backup or every reason it cannot be imported. */
export function parseBackup(text: string): ParseBackupResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reasons: [`The file is not valid JSON (${detail}), so it is not a Sequel Finder backup.`] };
  }

  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) {
    return { ok: false, reasons: ['The file is not a Sequel Finder backup: its "format" is not "sequel-finder-backup".'] };
  }
  if (typeof raw.version !== 'number' || !Number.isSafeInteger(raw.version) || raw.version < 1) {
    return { ok: false, reasons: [`The backup's "version" ${JSON.stringify(raw.version)} is not a version number.`] };
  }
  if (raw.version > BACKUP_VERSION) {
    return {
      ok: false,
      reasons: [`The backup was made by a newer version of the extension (backup version ${raw.version}); update the extension to import it.`],
    };
  }

  const reasons: string[] = [];
  if (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt))) {
    reasons.push(`"exportedAt" ${JSON.stringify(raw.exportedAt)} is not a date.`);
  }

  const migrated = migrateSettings(raw.settings);
  const notes: string[] = [];
  if (raw.settings === undefined) {
    reasons.push('"settings" is missing.');
  } else if (migrated.fromNewerVersion) {
    reasons.push(`The settings come from a newer version of the extension (settings version ${migrated.storedVersion}); update the extension to import them.`);
  } else {
    // An older backup lacks the fields added since, so missing fields take their defaults and
    // unknown ones are left out. Only a value that is present and invalid rejects the file.
    for (const issue of migrated.issues) {
      const message = `settings: ${issue.message}`;
      if (issue.kind === 'invalid' || issue.kind === 'dropped-items') reasons.push(message);
      else notes.push(message);
    }
    notes.push(...migrated.applied.map((step) => `settings: migrated ${step}.`));
  }

  const ignored: IgnoredItem[] = [];
  if (!Array.isArray(raw.ignored)) {
    reasons.push('"ignored" is not a list.');
  } else {
    raw.ignored.forEach((item, index) => {
      const parsed = ignoredItemSchema.safeParse(item);
      if (parsed.success) ignored.push(parsed.data);
      else reasons.push(`ignored[${index}]: ${parsed.error.issues.map(describeIssue).join('; ')}.`);
    });
  }

  if (reasons.length > 0) return { ok: false, reasons };
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: raw.exportedAt as string,
    settings: migrated.settings,
    ignored,
  };
  return { ok: true, backup, notes };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
