import { z } from 'zod';

/**
 * Field-by-field repair of stored data against a zod object schema: every field that parses is
 * kept, and only the invalid or missing ones take their default. Nested objects are repaired
 * field by field too, and an array loses only the items that are invalid (a relation type only a
 * newer build defines, say) unless what is left is still invalid.
 */

export type RepairIssueKind =
  /** The field was absent, so it took its default. */
  | 'missing'
  /** The value did not parse, so the field took its default. */
  | 'invalid'
  /** Some items of an array were invalid or repeated and were dropped; the rest were kept. */
  | 'dropped-items'
  /** The object had a field the schema does not know; it was left out. */
  | 'unknown-field';

export interface RepairIssue {
  /** Dotted path of the field, '' for the whole object. */
  path: string;
  kind: RepairIssueKind;
  message: string;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns `raw` repaired against `schema`, with `fallback` supplying every value that cannot be
 * kept. Each replaced or dropped value adds an entry to `issues`.
 */
export function repairValue(
  schema: z.ZodType,
  raw: unknown,
  fallback: unknown,
  path: string,
  issues: RepairIssue[],
): unknown {
  const direct = schema.safeParse(raw);
  if (direct.success) return direct.data;
  const label = path === '' ? 'the object' : path;

  if (raw === undefined) {
    issues.push({ path, kind: 'missing', message: `${label} is missing; the default is used.` });
    return structuredClone(fallback);
  }

  if (schema instanceof z.ZodObject && isPlainObject(raw) && isPlainObject(fallback)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const repaired: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(shape)) {
      repaired[key] = repairValue(fieldSchema, raw[key], fallback[key], childPath(path, key), issues);
    }
    for (const key of Object.keys(raw).filter((name) => !(name in shape))) {
      const fieldPath = childPath(path, key);
      issues.push({ path: fieldPath, kind: 'unknown-field', message: `${fieldPath} is not a known field and was left out.` });
    }
    return repaired;
  }

  if (schema instanceof z.ZodArray && Array.isArray(raw)) {
    const element = schema.element as z.ZodType;
    const validItems = [...new Set(raw.filter((item) => element.safeParse(item).success))];
    const parsed = schema.safeParse(validItems);
    if (parsed.success) {
      const dropped = raw.filter((item) => !element.safeParse(item).success);
      const droppedText = dropped.length > 0 ? `the invalid values ${dropped.map(describe).join(', ')}` : 'repeated values';
      issues.push({ path, kind: 'dropped-items', message: `${label}: ${droppedText} were dropped.` });
      return parsed.data;
    }
  }

  issues.push({ path, kind: 'invalid', message: `${label} is ${describe(raw)}, which is invalid; the default is used.` });
  return structuredClone(fallback);
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
