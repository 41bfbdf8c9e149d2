import { readFileSync } from 'node:fs';
import {
  buildSchema, Kind, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../lib/anilist/operations';
import { mediaSchema } from '../../lib/anilist/schemas';

const schema = buildSchema(readFileSync(new URL('../../lib/anilist/schema.graphql', import.meta.url), 'utf8'));

const cases: { name: OperationName; kind: 'query' | 'mutation'; fragments: string[] }[] = [
  { name: 'UserList', kind: 'query', fragments: ['MediaListEntryFields', 'MediaFields', 'MediaRelationEdges', 'MediaNodeFields'] },
  { name: 'StatusList', kind: 'query', fragments: ['MediaListEntryFields', 'MediaFields'] },
  { name: 'MediaRelationsBatch', kind: 'query', fragments: ['MediaFields', 'MediaRelationEdges', 'MediaNodeFields'] },
  { name: 'Viewer', kind: 'query', fragments: [] },
  { name: 'SaveToPlanning', kind: 'mutation', fragments: [] },
  { name: 'SaveEntry', kind: 'mutation', fragments: [] },
];

function operationsOf(name: OperationName): OperationDefinitionNode[] {
  return parse(OPERATIONS[name]).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

describe('AniList operations', () => {
  it('covers every operation in the table', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(cases.map((entry) => entry.name).sort());
  });

  for (const { name, kind, fragments } of cases) {
    it(`${name} validates against schema`, () => {
      const errors = validate(schema, parse(OPERATIONS[name]));
      expect(errors.map((error) => error.message)).toEqual([]);
    });

    it(`${name} is one named ${kind}`, () => {
      const operations = operationsOf(name);
      expect(operations).toHaveLength(1);
      expect(operations[0]?.name?.value).toBe(name);
      expect(operations[0]?.operation).toBe(kind);
    });

    it(`${name} carries its fragments`, () => {
      const defined = parse(OPERATIONS[name]).definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => fragment.name.value);
      expect(defined.sort()).toEqual([...fragments].sort());
    });
  }

  it('MediaFields selects what mediaSchema reads', () => {
    const fragment = parse(OPERATIONS.UserList).definitions.find(
      (definition): definition is FragmentDefinitionNode =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === 'MediaFields',
    );
    const selected = fragment?.selectionSet.selections.flatMap((selection) =>
      selection.kind === Kind.FIELD ? [selection.name.value] : [],
    );
    expect(selected?.sort()).toEqual(Object.keys(mediaSchema.in.shape).sort());
  });

  it('relations use relation types version 2', () => {
    expect(OPERATIONS.UserList).toContain('relationType(version: 2)');
    expect(OPERATIONS.MediaRelationsBatch).toContain('relationType(version: 2)');
  });
});
