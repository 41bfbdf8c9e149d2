import { AniListError, type AniListErrorKind } from './errors';

export type MessageLocale = 'en' | 'pt-BR';

/** Operations whose "not found" means the user name matched no one. */
const USER_OPERATIONS = new Set(['UserList', 'Viewer']);

interface Phrases {
  rateLimited(seconds: number | null): string;
  kinds: Record<Exclude<AniListErrorKind, 'rate-limited' | 'not-found' | 'validation'>, string>;
  userNotFound: string;
  mediaNotFound: string;
  validation(detail: string): string;
  unreadable: string;
  cancelled: string;
  unexpected(detail: string): string;
}

const PHRASES: Record<MessageLocale, Phrases> = {
  en: {
    rateLimited: (seconds) =>
      seconds === null
        ? 'AniList is receiving too many requests, so wait a minute before trying again.'
        : `AniList is receiving too many requests and asks to wait ${seconds} seconds before trying again.`,
    kinds: {
      'invalid-token': 'AniList rejected your access token as invalid or expired, so log in again.',
      unauthorized: 'This action needs an AniList login, so log in and try again.',
      'private-user': "This user's list is private, so log in as that user or ask them to make the list public.",
      'api-disabled': 'AniList has turned its API off for now, so try again later.',
      server: "AniList's servers did not answer properly even after several tries, so try again in a few minutes.",
      network: 'AniList could not be reached, so check your internet connection and try again.',
      complexity: 'AniList rejected the query as too complex even at the smallest size, so please report this to the developers.',
    },
    userNotFound: 'AniList has no user with that name, so check the spelling of the user name.',
    mediaNotFound: 'AniList could not find the requested anime or manga, which may have been removed.',
    validation: (detail) => `AniList rejected the request as invalid (${detail}), so please report this to the developers.`,
    unreadable: 'AniList sent an answer this version cannot read, so try again later and report it to the developers if it keeps happening.',
    cancelled: 'The request to AniList was cancelled.',
    unexpected: (detail) => `Something unexpected went wrong: ${detail}`,
  },
  'pt-BR': {
    rateLimited: (seconds) =>
      seconds === null
        ? 'O AniList está recebendo requisições demais, então espere um minuto antes de tentar de novo.'
        : `O AniList está recebendo requisições demais e pediu para esperar ${seconds} segundos antes de tentar de novo.`,
    kinds: {
      'invalid-token': 'O AniList recusou seu token de acesso por ser inválido ou ter expirado, então faça login de novo.',
      unauthorized: 'Essa ação exige login no AniList, então faça login e tente de novo.',
      'private-user': 'A lista desse usuário é privada, então faça login como ele ou peça para ele deixar a lista pública.',
      'api-disabled': 'O AniList desativou a API por enquanto, então tente de novo mais tarde.',
      server: 'Os servidores do AniList não responderam direito mesmo depois de várias tentativas, então tente de novo daqui a alguns minutos.',
      network: 'Não foi possível conectar ao AniList, então verifique sua conexão com a internet e tente de novo.',
      complexity: 'O AniList recusou a consulta por ser complexa demais mesmo no menor tamanho, então avise os desenvolvedores.',
    },
    userNotFound: 'O AniList não tem nenhum usuário com esse nome, então confira se o nome está escrito certo.',
    mediaNotFound: 'O AniList não encontrou o anime ou mangá pedido, que pode ter sido removido.',
    validation: (detail) => `O AniList recusou a requisição como inválida (${detail}), então avise os desenvolvedores.`,
    unreadable: 'O AniList mandou uma resposta que esta versão não consegue ler, então tente de novo mais tarde e avise os desenvolvedores se continuar acontecendo.',
    cancelled: 'A requisição ao AniList foi cancelada.',
    unexpected: (detail) => `Aconteceu um erro inesperado: ${detail}`,
  },
};

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Turns an error into one sentence for the user: what happened and what to do next. */
export function describeError(error: unknown, locale: MessageLocale = 'en'): string {
  const phrases = PHRASES[locale];
  if (error instanceof AniListError) {
    switch (error.kind) {
      case 'rate-limited':
        return phrases.rateLimited(error.retryAfterSeconds);
      case 'not-found':
        return error.operationName === null || USER_OPERATIONS.has(error.operationName)
          ? phrases.userNotFound
          : phrases.mediaNotFound;
      case 'validation':
        if (error.unreadableResponse) return phrases.unreadable;
        return phrases.validation(error.serverMessage ?? error.message);
      default:
        return phrases.kinds[error.kind];
    }
  }
  if (isAbort(error)) return phrases.cancelled;
  const detail = error instanceof Error ? error.message : String(error);
  return phrases.unexpected(detail);
}
