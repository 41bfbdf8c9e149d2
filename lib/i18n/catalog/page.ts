import type { Catalog } from '../translate';

/**
 * Strings of the panels, markers and notes inside anilist.co pages. AniList's own names (Planning,
 * list statuses, relation types, formats) keep the site's spelling in both languages, because the
 * page around them shows them that way.
 */
export const pageCatalog = {
  en: {
    sectionTitle: 'Missing Sequels',
    brand: 'Sequel Finder',
    typeANIME: 'anime',
    typeMANGA: 'manga',
    missingCount: '{count, plural, one {{count} missing} other {{count} missing}}',
    scannedAt: 'Scanned {date}',
    noneMissing: 'No sequels are missing from this list.',
    noScanYet: 'Your list has not been scanned yet. Scan it with the Sequel Finder button in the browser toolbar.',
    scanRunning: 'Sequel Finder is scanning your list. Reload the page when it finishes to see the new results.',
    scanPaused: 'The scan of your list is paused and goes on by itself later: {message}',
    scanFailed: 'The last scan failed: {message}',
    showAll: 'Show all {count}',
    showFewer: 'Show fewer',
    relationOf: '{relation} of {title}',
    entriesAfter: '{count} entries after {title}',
    announced: 'Announced',
    otherIntro: "Find the sequels missing from {name}'s {type} list. This reads their public list from AniList once, when you ask.",
    scanButton: 'Find missing sequels',
    scanning: "Reading {name}'s list from AniList…",
    rescan: 'Scan again',
    nextTitle: 'Next in this franchise',
    moreMissing: '{count, plural, one {{count} more is missing in this franchise.} other {{count} more are missing in this franchise.}}',
    missingHereTitle: 'Missing from your list',
    addToPlanning: 'Add to Planning',
    adding: 'Adding…',
    added: 'Added to Planning',
    addFailed: 'Could not add it to Planning: {reason}',
    markerLabel: '{count, plural, one {Missing sequel: {titles}} other {{count} missing sequels: {titles}}}',
    markerHeading: '{count, plural, one {Missing sequel} other {{count} missing sequels}}',
    relationMark: 'Missing',
    relationMarkLabel: 'Missing sequel: not on your list yet',
    extensionUnavailable: 'Sequel Finder is not responding. Reload this page, and if that does not help, reload the extension.',
    requestRejected: 'Sequel Finder rejected the request from this page: {detail}',
    unexpected: 'Something went wrong in Sequel Finder: {detail}',
  },
  'pt-BR': {
    sectionTitle: 'Continuações faltando',
    brand: 'Sequel Finder',
    typeANIME: 'anime',
    typeMANGA: 'mangá',
    missingCount: '{count, plural, one {{count} faltando} other {{count} faltando}}',
    scannedAt: 'Verificado em {date}',
    noneMissing: 'Nenhuma continuação falta nesta lista.',
    noScanYet: 'Sua lista ainda não foi verificada. Verifique pelo botão do Sequel Finder na barra de ferramentas do navegador.',
    scanRunning: 'O Sequel Finder está verificando sua lista. Recarregue a página quando terminar para ver os novos resultados.',
    scanPaused: 'A verificação da sua lista está pausada e continua sozinha mais tarde: {message}',
    scanFailed: 'A última verificação falhou: {message}',
    showAll: 'Mostrar todas ({count})',
    showFewer: 'Mostrar menos',
    relationOf: '{relation} de {title}',
    entriesAfter: '{count} títulos depois de {title}',
    announced: 'Anunciado',
    otherIntro: 'Encontre as continuações que faltam na lista de {type} de {name}. Isso lê a lista pública no AniList uma vez, quando você pedir.',
    scanButton: 'Encontrar continuações faltando',
    scanning: 'Lendo a lista de {name} no AniList…',
    rescan: 'Verificar de novo',
    nextTitle: 'Próximo nesta franquia',
    moreMissing: '{count, plural, one {Falta mais {count} nesta franquia.} other {Faltam mais {count} nesta franquia.}}',
    missingHereTitle: 'Falta na sua lista',
    addToPlanning: 'Adicionar ao Planning',
    adding: 'Adicionando…',
    added: 'Adicionado ao Planning',
    addFailed: 'Não foi possível adicionar ao Planning: {reason}',
    markerLabel: '{count, plural, one {Continuação faltando: {titles}} other {{count} continuações faltando: {titles}}}',
    markerHeading: '{count, plural, one {Continuação faltando} other {{count} continuações faltando}}',
    relationMark: 'Faltando',
    relationMarkLabel: 'Continuação que ainda falta na sua lista',
    extensionUnavailable: 'O Sequel Finder não está respondendo. Recarregue esta página e, se não resolver, recarregue a extensão.',
    requestRejected: 'O Sequel Finder recusou o pedido desta página: {detail}',
    unexpected: 'Algo deu errado no Sequel Finder: {detail}',
  },
} satisfies Catalog<
  | 'sectionTitle' | 'brand' | 'typeANIME' | 'typeMANGA' | 'missingCount' | 'scannedAt' | 'noneMissing' | 'noScanYet'
  | 'scanRunning' | 'scanPaused' | 'scanFailed' | 'showAll' | 'showFewer' | 'relationOf' | 'entriesAfter' | 'announced'
  | 'otherIntro' | 'scanButton' | 'scanning' | 'rescan' | 'nextTitle' | 'moreMissing' | 'missingHereTitle'
  | 'addToPlanning' | 'adding' | 'added' | 'addFailed' | 'markerLabel' | 'markerHeading' | 'relationMark' | 'relationMarkLabel'
  | 'extensionUnavailable' | 'requestRejected' | 'unexpected'
>;

export type PageMessageKey = keyof (typeof pageCatalog)['en'];
