import { z } from 'zod';
import { type IgnoredItem, MAX_STORED_TITLE_LENGTH } from '../ignored/shards';
import { migrateSettings } from './migrations';
import { isPlainObject } from './repair';
import { type Settings, SETTINGS_VERSION } from './schema';

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

/** Why a file cannot be imported: a code plus the values a sentence about it needs. */
export type BackupProblem =
  | { code: 'notJson' }
  | { code: 'notBackup' }
  | { code: 'badVersion'; value: string }
  | { code: 'newerBackup'; version: number }
  | { code: 'badExportDate'; value: string }
  | { code: 'settingsMissing' }
  | { code: 'newerSettings'; version: number }
  /** `field` is the dotted settings path, '' for the whole settings object. */
  | { code: 'settingInvalid'; field: string }
  | { code: 'settingItemsInvalid'; field: string }
  | { code: 'ignoredNotList' }
  /** `position` counts from 1. `field` is the first invalid field of the entry, or null for an unknown field. */
  | { code: 'ignoredEntryInvalid'; position: number; field: 'mediaId' | 'title' | 'ignoredAt' | null };

/** A change that importing a valid file makes to its text (a default filled in, a field left out, a migration): a code plus the values a sentence needs. */
export type BackupNote =
  | { code: 'settingDefault'; field: string }
  | { code: 'settingUnknown'; field: string }
  | { code: 'settingsMigrated'; from: number; to: number };

/**
 * `reasons` and `notes` are English sentences for logs and the message protocol; screens render
 * `problems` and `changes` through their catalog.
 */
export type ParseBackupResult =
  | { ok: true; backup: Backup; changes: BackupNote[]; /** Migrations applied, defaults filled in and unknown fields left out. */ notes: string[] }
  | { ok: false; problems: BackupProblem[]; reasons: string[] };

const ignoredItemSchema = z.strictObject({
  mediaId: z.number().int().positive(),
  title: z.string().max(MAX_STORED_TITLE_LENGTH * 4).nullable(),
  ignoredAt: z.number().int().nonnegative(),
});

/** Reads a backup file's text, returning the backup or every reason it cannot be imported. */
export function parseBackup(text: string): ParseBackupResult {
  const read = readBackup(text);
  if (!read.ok) return { ok: false, problems: read.problems, reasons: read.problems.map(describeBackupProblem) };
  return { ok: true, backup: read.backup, changes: read.changes, notes: read.changes.map(describeBackupNote) };
}

type ReadResult = { ok: true; backup: Backup; changes: BackupNote[] } | { ok: false; problems: BackupProblem[] };

function readBackup(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ code: 'notJson' }] };
  }

  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, problems: [{ code: 'notBackup' }] };
  if (typeof raw.version !== 'number' || !Number.isSafeInteger(raw.version) || raw.version < 1) {
    return { ok: false, problems: [{ code: 'badVersion', value: JSON.stringify(raw.version) ?? 'undefined' }] };
  }
  if (raw.version > BACKUP_VERSION) return { ok: false, problems: [{ code: 'newerBackup', version: raw.version }] };

  const problems: BackupProblem[] = [];
  if (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt))) {
    problems.push({ code: 'badExportDate', value: JSON.stringify(raw.exportedAt) ?? 'undefined' });
  }

  const migrated = migrateSettings(raw.settings);
  const changes: BackupNote[] = [];
  if (raw.settings === undefined) {
    problems.push({ code: 'settingsMissing' });
  } else if (migrated.fromNewerVersion) {
    problems.push({ code: 'newerSettings', version: migrated.storedVersion });
  } else {
    // An older backup lacks the fields added since, so missing fields take their defaults and
    // unknown ones are left out. Only a value that is present and invalid rejects the file.
    for (const issue of migrated.issues) {
      if (issue.kind === 'invalid') problems.push({ code: 'settingInvalid', field: issue.path });
      else if (issue.kind === 'dropped-items') problems.push({ code: 'settingItemsInvalid', field: issue.path });
      else if (issue.kind === 'missing') changes.push({ code: 'settingDefault', field: issue.path });
      else changes.push({ code: 'settingUnknown', field: issue.path });
    }
    for (let version = migrated.storedVersion; version < SETTINGS_VERSION; version += 1) {
      changes.push({ code: 'settingsMigrated', from: version, to: version + 1 });
    }
  }

  const ignored: IgnoredItem[] = [];
  if (!Array.isArray(raw.ignored)) {
    problems.push({ code: 'ignoredNotList' });
  } else {
    raw.ignored.forEach((item, index) => {
      const parsed = ignoredItemSchema.safeParse(item);
      if (parsed.success) ignored.push(parsed.data);
      else problems.push({ code: 'ignoredEntryInvalid', position: index + 1, field: invalidIgnoredField(parsed.error.issues) });
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: raw.exportedAt as string,
    settings: migrated.settings,
    ignored,
  };
  return { ok: true, backup, changes };
}

function invalidIgnoredField(issues: readonly z.core.$ZodIssue[]): 'mediaId' | 'title' | 'ignoredAt' | null {
  const field = issues[0]?.path[0];
  return field === 'mediaId' || field === 'title' || field === 'ignoredAt' ? field : null;
}

/** Returns an English sentence for a problem, for logs and the message protocol. */
export function describeBackupProblem(problem: BackupProblem): string {
  switch (problem.code) {
    case 'notJson':
      return 'The file is not valid JSON, so it is not a Sequel Finder backup.';
    case 'notBackup':
      return 'The file is not a Sequel Finder backup: its "format" is not "sequel-finder-backup".';
    case 'badVersion':
      return `The backup's "version" ${problem.value} is not a version number.`;
    case 'newerBackup':
      return `The backup was made by a newer version of the extension (backup version ${problem.version}); update the extension to import it.`;
    case 'badExportDate':
      return `"exportedAt" ${problem.value} is not a date.`;
    case 'settingsMissing':
      return '"settings" is missing.';
    case 'newerSettings':
      return `The settings come from a newer version of the extension (settings version ${problem.version}); update the extension to import them.`;
    case 'settingInvalid':
      return `The setting "${problem.field}" has an invalid value.`;
    case 'settingItemsInvalid':
      return `The setting "${problem.field}" lists invalid or repeated values.`;
    case 'ignoredNotList':
      return '"ignored" is not a list.';
    case 'ignoredEntryInvalid':
      return `Ignored entry ${problem.position} has an invalid ${problem.field ?? 'layout'}.`;
  }
}

/** Returns an English sentence for a note, for logs and the message protocol. */
export function describeBackupNote(note: BackupNote): string {
  switch (note.code) {
    case 'settingDefault':
      return `The setting "${note.field}" is missing, so its default is used.`;
    case 'settingUnknown':
      return `The setting "${note.field}" is not known to this version and is left out.`;
    case 'settingsMigrated':
      return `The settings were migrated from ${note.from} to ${note.to}.`;
  }
}
