/**
 * A local fake of AniList's GraphQL API for tests: the real schema executed over recorded data,
 * with AniList's known failures on demand. README.md beside this file describes the data.
 */
export { buildFakeData, type FakeDataInput } from './fake-data';
export {
  BOILERPLATE_USER_ID,
  loadRecordedData,
  PRIVATE_USER_ID,
  RECORDED_TOKENS,
  WARPS_USER_ID,
} from './recorded-data';
export { type ServerOptions, startFakeAniList } from './server';
export type {
  FakeAniList,
  FakeAniListOptions,
  FakeData,
  FakeListEntry,
  FakeRequest,
  FakeUser,
  Failure,
  FailureKind,
  FuzzyDateValue,
  RawMedia,
  RelationRecord,
} from './types';
