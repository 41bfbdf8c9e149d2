import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../lib/anilist/title';
import type { TitleLanguage } from '../../lib/anilist/types';
import { loadModbMedia, loadSeanimeList } from '../support/recorded';

describe('displayTitle', () => {
  const harlock = loadModbMedia(1000).media;
  const uzumaki = loadModbMedia(111314).media;

  const languageCases: { language: TitleLanguage | undefined; expected: string }[] = [
    { language: undefined, expected: 'Space Pirate Captain Harlock' },
    { language: 'ROMAJI', expected: 'Uchuu Kaizoku Captain Harlock' },
    { language: 'ROMAJI_STYLISED', expected: 'Uchuu Kaizoku Captain Harlock' },
    { language: 'ENGLISH', expected: 'Space Pirate Captain Harlock' },
    { language: 'ENGLISH_STYLISED', expected: 'Space Pirate Captain Harlock' },
    { language: 'NATIVE', expected: '宇宙海賊キャプテンハーロック' },
    { language: 'NATIVE_STYLISED', expected: '宇宙海賊キャプテンハーロック' },
  ];

  it.each(languageCases)('Harlock in $language', ({ language, expected }) => {
    expect(displayTitle(harlock, language)).toBe(expected);
  });

  it('null english falls back to romaji', () => {
    expect(uzumaki.title.english).toBeNull();
    expect(displayTitle(uzumaki)).toBe('Uzumaki');
    expect(displayTitle(uzumaki, 'ENGLISH')).toBe('Uzumaki');
    expect(displayTitle(uzumaki, 'NATIVE')).toBe('うずまき');
  });

  it('omitted english in the list falls back', () => {
    // Blue Lock 2nd Season is a relation node whose recording leaves out `english`.
    const node = loadSeanimeList()
      .entries.flatMap((entry) => entry.edges ?? [])
      .find((e) => e.node.id === 163146)!.node;

    expect(node.title.english).toBeNull();
    expect(displayTitle(node)).toBe('Blue Lock 2nd Season');
  });

  it('empty strings count as missing', () => {
    const title = { romaji: '', english: '  ', native: 'うずまき', userPreferred: null };

    expect(displayTitle({ id: 111314, title })).toBe('うずまき');
    expect(displayTitle({ id: 111314, title }, 'ROMAJI')).toBe('うずまき');
  });

  it('native preference falls back to english', () => {
    const title = { ...harlock.title, native: null };

    expect(displayTitle({ id: 1000, title }, 'NATIVE')).toBe('Space Pirate Captain Harlock');
  });

  it('relation node uses userPreferred', () => {
    // modb's relation nodes select only title { userPreferred }.
    const node = loadModbMedia(1000).edges.find((e) => e.node.id === 1645)!.node;

    expect(node.title.romaji).toBeNull();
    expect(displayTitle(node)).toBe('Harlock Saga: Nibelung no Yubiwa');
  });

  it('no title gives the id', () => {
    const title = { romaji: null, english: '', native: null, userPreferred: null };

    expect(displayTitle({ id: 135643, title })).toBe('#135643');
    expect(displayTitle({ id: 135643, title }, 'NATIVE')).toBe('#135643');
  });
});
