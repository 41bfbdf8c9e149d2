import type { Catalog } from '../translate';

/**
 * Texts the background shows itself: notifications, the toolbar button's title and the errors
 * its request handlers return. AniList's own errors come from lib/anilist/messages.ts.
 */
export const backgroundCatalog = {
  en: {
    newSequelsTitle: '{count, plural, one {A new missing sequel} other {{count} new missing sequels}}',
    newSequelsTitleAdded: '{count, plural, one {A new sequel added to Planning} other {{count} new sequels added to Planning}}',
    titlesAndMore: '{titles} and {more} more',
    startedAiringTitle: 'Now airing',
    startedPublishingTitle: 'Now publishing',
    startedMessage: '{title} has started, and it is not on your list yet.',
    newlyAnnouncedTitle: 'Sequel announced',
    newlyAnnouncedMessage: '{title} was announced as the sequel to {source}, which you completed.',
    reloginTitle: 'Log in to AniList again',
    reloginMessage: 'AniList no longer accepts the saved login of {name}, so you were logged out. Click here to log in again.',
    expiryTitle: 'Your AniList login expires soon',
    expiryMessage: 'The login of {name} expires on {date}. Log in again before then to keep the checks running.',

    badgeEmpty: 'Sequel Finder for AniList',
    badgeAvailable:
      '{count, plural, one {Sequel Finder: {count} missing sequel is out now} other {Sequel Finder: {count} missing sequels are out now}}',
    badgeRunning: 'Sequel Finder: scanning the list of {name}…',
    badgePaused: 'Sequel Finder: the scan is paused until {time}. {reason}',
    badgeFailed: 'Sequel Finder: the last scan failed. {reason}',
    badgeRelogin: 'Sequel Finder: log in to AniList again.',

    scanBusy: 'A scan is already running, so try again when it has finished.',
    scanAlreadyRunning: 'A scan of {name} is already running, so no new scan was started. Its results show here when it finishes.',
    noScanTarget: 'There is no list to scan, so log in to AniList or type a user name first.',
    otherUserWhileLoggedIn: 'You are logged in as {viewer}, so the scan reads your own list. Log out to scan the list of {name}.',
    loginRequired: 'This needs an AniList login, so log in first.',
    alreadyOnList: 'This media is already on your list as {status}, so it was not moved to Planning.',
    notMissing: 'This media is not a missing sequel of your last scan, so a page on anilist.co cannot add it. Add it from the extension\'s popup instead.',
    loginCancelled: 'The AniList login window was closed before the login finished, so you are still logged out.',
    loginDenied: 'The login was declined on AniList, so the extension was not authorized.',
    loginStateMismatch: 'The AniList login answered a different login attempt, so log in again.',
    loginMalformed: 'The AniList login ended in an unexpected way ({detail}), so try again.',
    loginUnreachable: 'The AniList login page could not be opened ({detail}), so check your connection and try again.',
    loginNoClientId: 'This build of the extension has no AniList client id, so logging in is not possible: {detail}',
    storageFailed: 'The browser could not save the extension data ({detail}), so try again; if this persists, restart the browser.',
    unexpected: 'Something unexpected went wrong: {detail}',
  },
  'pt-BR': {
    newSequelsTitle: '{count, plural, one {Uma nova continuação faltando} other {{count} novas continuações faltando}}',
    newSequelsTitleAdded: '{count, plural, one {Uma nova continuação adicionada ao Planning} other {{count} novas continuações adicionadas ao Planning}}',
    titlesAndMore: '{titles} e mais {more}',
    startedAiringTitle: 'Começou a ser exibido',
    startedPublishingTitle: 'Começou a ser publicado',
    startedMessage: '{title} já começou e ainda não está na sua lista.',
    newlyAnnouncedTitle: 'Continuação anunciada',
    newlyAnnouncedMessage: '{title} foi anunciado como continuação de {source}, que você completou.',
    reloginTitle: 'Faça login no AniList de novo',
    reloginMessage: 'O AniList não aceita mais o login salvo de {name}, então você foi desconectado. Clique aqui para fazer login de novo.',
    expiryTitle: 'Seu login no AniList expira em breve',
    expiryMessage: 'O login de {name} expira em {date}. Faça login de novo antes disso para as verificações continuarem.',

    badgeEmpty: 'Sequel Finder for AniList',
    badgeAvailable:
      '{count, plural, one {Sequel Finder: {count} continuação faltando já saiu} other {Sequel Finder: {count} continuações faltando já saíram}}',
    badgeRunning: 'Sequel Finder: lendo a lista de {name}…',
    badgePaused: 'Sequel Finder: a busca está pausada até {time}. {reason}',
    badgeFailed: 'Sequel Finder: a última busca falhou. {reason}',
    badgeRelogin: 'Sequel Finder: faça login no AniList de novo.',

    scanBusy: 'Já existe uma busca em andamento, então tente de novo quando ela terminar.',
    scanAlreadyRunning: 'Uma busca na lista de {name} já está em andamento, então nenhuma nova busca foi iniciada. Os resultados aparecem aqui quando ela terminar.',
    noScanTarget: 'Não há lista para buscar, então faça login no AniList ou digite um nome de usuário primeiro.',
    otherUserWhileLoggedIn: 'Você está conectado como {viewer}, então a busca lê a sua própria lista. Saia da conta para buscar a lista de {name}.',
    loginRequired: 'Isso exige login no AniList, então faça login primeiro.',
    alreadyOnList: 'Esta mídia já está na sua lista como {status}, então não foi movida para Planning.',
    notMissing: 'Esta mídia não é uma continuação que falta na sua última busca, então uma página do anilist.co não pode adicioná-la. Adicione pelo popup da extensão.',
    loginCancelled: 'A janela de login do AniList foi fechada antes do fim do login, então você continua desconectado.',
    loginDenied: 'O login foi recusado no AniList, então a extensão não foi autorizada.',
    loginStateMismatch: 'O login do AniList respondeu a outra tentativa de login, então faça login de novo.',
    loginMalformed: 'O login do AniList terminou de um jeito inesperado ({detail}), então tente de novo.',
    loginUnreachable: 'Não foi possível abrir a página de login do AniList ({detail}), então verifique sua conexão e tente de novo.',
    loginNoClientId: 'Esta versão da extensão não tem um client id do AniList, então não é possível fazer login: {detail}',
    storageFailed: 'O navegador não conseguiu salvar os dados da extensão ({detail}), então tente de novo; se continuar, reinicie o navegador.',
    unexpected: 'Aconteceu um erro inesperado: {detail}',
  },
} satisfies Catalog<
  | 'newSequelsTitle' | 'newSequelsTitleAdded' | 'titlesAndMore' | 'startedAiringTitle' | 'startedPublishingTitle'
  | 'startedMessage' | 'newlyAnnouncedTitle' | 'newlyAnnouncedMessage' | 'reloginTitle' | 'reloginMessage'
  | 'expiryTitle' | 'expiryMessage'
  | 'badgeEmpty' | 'badgeAvailable' | 'badgeRunning' | 'badgePaused' | 'badgeFailed' | 'badgeRelogin'
  | 'scanBusy' | 'scanAlreadyRunning' | 'noScanTarget' | 'otherUserWhileLoggedIn' | 'loginRequired' | 'alreadyOnList' | 'notMissing' | 'loginCancelled' | 'loginDenied'
  | 'loginStateMismatch' | 'loginMalformed' | 'loginUnreachable' | 'loginNoClientId' | 'storageFailed' | 'unexpected'
>;

export type BackgroundMessageKey = keyof (typeof backgroundCatalog)['en'];
