import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/** Parses a query, returning null when it is not valid GraphQL syntax. */
export function tryParse(query: unknown): DocumentNode | null {
  if (typeof query !== 'string') return null;
  try {
    return parse(query);
  } catch {
    return null;
  }
}

export function selectOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0];
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Lists the fields of a selection set, including those of inline fragments and fragment spreads. */
function collectFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...collectFields(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...collectFields(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}

/** Response keys (alias or field name) of the operation's top-level fields, e.g. ["anime", "manga"]. */
export function rootResponseKeys(document: DocumentNode | null, operationName: string | null): string[] | null {
  const operation = document && selectOperation(document, operationName);
  if (!document || !operation) return null;
  return collectFields(operation.selectionSet, fragmentsOf(document)).map((field) => field.alias?.value ?? field.name.value);
}

function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  return argument ? valueFromASTUntyped(argument.value, variables) : undefined;
}

export interface QuerySize {
  /** Ids requested through Page.media(id_in:), summed over every Page of the operation. */
  pageIds: number;
  /** The largest perChunk of a MediaListCollection field, or 0 when no field sets one. */
  maxPerChunk: number;
}

/** Measures the parts of a query that drive AniList's query complexity for this project's requests. */
export function measureQuery(document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): QuerySize {
  const size: QuerySize = { pageIds: 0, maxPerChunk: 0 };
  const operation = selectOperation(document, operationName);
  if (!operation) return size;

  const fragments = fragmentsOf(document);
  for (const root of collectFields(operation.selectionSet, fragments)) {
    if (root.name.value === 'MediaListCollection') {
      const perChunk = argumentValue(root, 'perChunk', variables);
      if (typeof perChunk === 'number') size.maxPerChunk = Math.max(size.maxPerChunk, perChunk);
    }
    if (root.name.value !== 'Page' || !root.selectionSet) continue;

    for (const field of collectFields(root.selectionSet, fragments)) {
      const ids = field.name.value === 'media' ? argumentValue(field, 'id_in', variables) : undefined;
      if (Array.isArray(ids)) size.pageIds += ids.length;
    }
  }
  return size;
}
