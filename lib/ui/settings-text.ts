import type { z } from 'zod';
import type { OptionsKey } from '../i18n/catalog/options';
import type { Translate } from '../i18n/translate';
import type { BackupNote, BackupProblem } from '../settings/backup';
import { MAX_CACHE_LIFETIME_MS, MAX_SCAN_INTERVAL_MINUTES, MAX_USER_NAME_LENGTH, MIN_SCAN_INTERVAL_MINUTES } from '../settings/schema';

/** Sentences of the options page for settings a change or a backup file got wrong. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns the top-level settings fields a failed validation names, each once, in order. */
export function invalidFields(issues: readonly z.core.$ZodIssue[]): string[] {
  return [...new Set(issues.map((issue) => String(issue.path[0] ?? '')))];
}

/** Returns what to do about an invalid value of a top-level settings field. */
export function invalidFieldText(field: string, t: Translate<OptionsKey>): string {
  switch (field) {
    case 'sourceStatuses':
      return t('invalid.sourceStatuses');
    case 'relations':
      return t('invalid.relations');
    case 'scanIntervalMinutes':
      return t('invalid.scanIntervalMinutes', { min: MIN_SCAN_INTERVAL_MINUTES, max: MAX_SCAN_INTERVAL_MINUTES });
    case 'scanUserName':
      return t('invalid.scanUserName', { max: MAX_USER_NAME_LENGTH });
    case 'cacheLifetimes':
      return t('invalid.cacheLifetimes', { maxDays: MAX_CACHE_LIFETIME_MS / DAY_MS });
    default:
      return t('invalid.other', { field });
  }
}

export function backupProblemText(problem: BackupProblem, t: Translate<OptionsKey>): string {
  switch (problem.code) {
    case 'notJson':
    case 'notBackup':
    case 'settingsMissing':
    case 'ignoredNotList':
      return t(`backupProblem.${problem.code}`);
    case 'badVersion':
    case 'badExportDate':
      return t(`backupProblem.${problem.code}`, { value: problem.value });
    case 'newerBackup':
    case 'newerSettings':
      return t(`backupProblem.${problem.code}`, { version: problem.version });
    case 'settingInvalid':
    case 'settingItemsInvalid':
      return t(`backupProblem.${problem.code}`, { field: problem.field });
    case 'ignoredEntryInvalid':
      return t(`backupProblem.ignoredEntryInvalid.${problem.field ?? 'other'}`, { position: problem.position });
  }
}

export function backupNoteText(note: BackupNote, t: Translate<OptionsKey>): string {
  switch (note.code) {
    case 'settingDefault':
    case 'settingUnknown':
      return t(`backupNote.${note.code}`, { field: note.field });
    case 'settingsMigrated':
      return t('backupNote.settingsMigrated', { from: note.from, to: note.to });
  }
}
