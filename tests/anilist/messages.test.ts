import { describe, expect, it } from 'vitest';
import { AniListError, type AniListErrorKind, unexpectedResponseError } from '../../lib/anilist/errors';
import { describeError } from '../../lib/anilist/messages';

const cases: { name: string; error: unknown; en: string[]; ptBR: string[] }[] = [
  {
    name: 'rate limited with wait',
    error: new AniListError('rate-limited', 'HTTP 429', { status: 429, retryAfterSeconds: 42 }),
    en: ['too many requests', '42 seconds'],
    ptBR: ['requisições demais', '42 segundos'],
  },
  {
    name: 'rate limited without wait',
    error: new AniListError('rate-limited', 'HTTP 429', { status: 429 }),
    en: ['too many requests', 'a minute'],
    ptBR: ['requisições demais', 'um minuto'],
  },
  { name: 'invalid token', error: new AniListError('invalid-token', 'x'), en: ['access token', 'log in again'], ptBR: ['token de acesso', 'faça login de novo'] },
  { name: 'unauthorized', error: new AniListError('unauthorized', 'x'), en: ['needs an AniList login', 'log in'], ptBR: ['exige login', 'faça login'] },
  {
    name: 'user not found',
    error: new AniListError('not-found', 'x', { operationName: 'UserList' }),
    en: ['no user with that name', 'spelling'],
    ptBR: ['nenhum usuário com esse nome', 'escrito certo'],
  },
  {
    name: 'media not found',
    error: new AniListError('not-found', 'x', { operationName: 'SaveToPlanning' }),
    en: ['anime or manga'],
    ptBR: ['anime ou mangá'],
  },
  { name: 'private user', error: new AniListError('private-user', 'x'), en: ['private', 'log in as that user', 'public'], ptBR: ['privada', 'faça login como ele', 'pública'] },
  { name: 'api disabled', error: new AniListError('api-disabled', 'x'), en: ['turned its API off', 'later'], ptBR: ['desativou a API', 'mais tarde'] },
  { name: 'server', error: new AniListError('server', 'x'), en: ['servers', 'few minutes'], ptBR: ['servidores', 'alguns minutos'] },
  { name: 'network', error: new AniListError('network', 'x'), en: ['could not be reached', 'internet connection'], ptBR: ['conectar ao AniList', 'conexão com a internet'] },
  {
    name: 'validation with server message',
    error: new AniListError('validation', 'x', { serverMessage: 'The selected id is invalid.' }),
    en: ['invalid', 'The selected id is invalid.', 'report'],
    ptBR: ['inválida', 'The selected id is invalid.', 'avise os desenvolvedores'],
  },
  {
    name: 'unreadable response',
    error: unexpectedResponseError(new Error('lists[0].entries[0].id: expected number'), 'UserList'),
    en: ['cannot read', 'try again later'],
    ptBR: ['não consegue ler', 'tente de novo mais tarde'],
  },
  { name: 'complexity', error: new AniListError('complexity', 'x'), en: ['too complex', 'report'], ptBR: ['complexa demais', 'avise os desenvolvedores'] },
  { name: 'abort', error: new DOMException('stopped', 'AbortError'), en: ['cancelled'], ptBR: ['cancelada'] },
  { name: 'unknown error', error: new RangeError('chunk out of range'), en: ['unexpected', 'chunk out of range'], ptBR: ['inesperado', 'chunk out of range'] },
  { name: 'thrown string', error: 'disk full', en: ['disk full'], ptBR: ['disk full'] },
];

describe('describeError', () => {
  for (const { name, error, en, ptBR } of cases) {
    it(`${name} in English`, () => {
      const message = describeError(error);
      for (const part of en) expect(message).toContain(part);
      expect(message).toBe(describeError(error, 'en'));
    });

    it(`${name} in Brazilian Portuguese`, () => {
      const message = describeError(error, 'pt-BR');
      for (const part of ptBR) expect(message).toContain(part);
      expect(message).not.toBe(describeError(error, 'en'));
    });
  }

  it('each kind reads differently', () => {
    const kinds: AniListErrorKind[] = [
      'rate-limited', 'invalid-token', 'unauthorized', 'not-found', 'private-user', 'api-disabled', 'server', 'network', 'validation', 'complexity',
    ];
    for (const locale of ['en', 'pt-BR'] as const) {
      const messages = kinds.map((kind) => describeError(new AniListError(kind, 'x'), locale));
      expect(new Set(messages).size).toBe(kinds.length);
    }
  });
});
