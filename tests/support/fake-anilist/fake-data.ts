import type { FakeData, FakeUser, RawMedia, RelationRecord } from './types';

export interface FakeDataInput {
  media: RawMedia[];
  relations?: Array<[number, RelationRecord[]]>;
  users: FakeUser[];
  tokens?: Record<string, number>;
}

/** Builds FakeData from plain arrays. Later media with the same id replace earlier ones. */
export function buildFakeData(input: FakeDataInput): FakeData {
  const media = new Map<number, RawMedia>();
  for (const item of input.media) media.set(item.id, item);

  const relations = new Map<number, RelationRecord[]>();
  for (const [mediaId, edges] of input.relations ?? []) relations.set(mediaId, edges);

  const tokens = new Map<string, number>(Object.entries(input.tokens ?? {}));
  return { media, relations, users: input.users, tokens };
}

/** Deep-copies users so that list edits made through the server can be undone. */
export function cloneUsers(users: FakeUser[]): FakeUser[] {
  return structuredClone(users);
}

export function findUserById(data: FakeData, id: number): FakeUser | undefined {
  return data.users.find((user) => user.id === id);
}

/** Finds a user by name, ignoring case as AniList does. */
export function findUserByName(data: FakeData, name: string): FakeUser | undefined {
  const lowerName = name.toLowerCase();
  return data.users.find((user) => user.name.toLowerCase() === lowerName);
}

/** Returns the next free MediaList id, above every id in use. */
export function nextListEntryId(data: FakeData): number {
  let max = 0;
  for (const user of data.users) {
    for (const entry of [...user.lists.ANIME, ...user.lists.MANGA]) max = Math.max(max, entry.id);
  }
  return max + 1;
}
