import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { MediaType } from '../../lib/anilist/types';
import type { ScanStatus, ScanSummary } from '../../lib/messages/state';
import type { OtherUserScanModel } from '../../lib/pages/models';
import { requestErrorText, type PageTexts } from '../../lib/pages/texts';
import type { SiteTheme } from '../../lib/pages/theme';
import { PanelRoot } from './PanelRoot';
import { SequelList } from './SequelList';

/**
 * The profile panel's content: the stored scan of the own list, a scan on request of someone
 * else's, or the error that kept the background from answering.
 */
export type ProfilePanelView =
  | { kind: 'stored'; summary: ScanSummary | null; scan: ScanStatus }
  | { kind: 'other'; userName: string; mediaType: MediaType; model: OtherUserScanModel }
  | { kind: 'unavailable'; error: unknown };

interface MissingSequelsPanelProps {
  view: ProfilePanelView;
  texts: PageTexts;
  theme: ReadonlySignal<SiteTheme>;
}

const BUTTON =
  'cursor-pointer rounded-[3px] border-0 bg-al-blue px-3.5 py-2 text-[12px] font-semibold text-al-white hover:opacity-85 disabled:cursor-default disabled:opacity-70 contrast:outline contrast:outline-1 contrast:outline-al-text';

function Note({ children, alert = false }: { children: ComponentChildren; alert?: boolean }) {
  return (
    <p role={alert ? 'alert' : undefined} class={`m-0 py-1 text-[12px] ${alert ? 'text-al-red' : 'text-al-text-light'}`}>
      {children}
    </p>
  );
}

function Results({ summary, texts }: { summary: ScanSummary; texts: PageTexts }) {
  if (summary.missing.length === 0) return <Note>{texts.t('noneMissing')}</Note>;
  return <SequelList missing={summary.missing} texts={texts} />;
}

function StoredBody({ summary, scan, texts }: { summary: ScanSummary | null; scan: ScanStatus; texts: PageTexts }) {
  return (
    <>
      {scan.phase === 'running' && <Note>{texts.t('scanRunning')}</Note>}
      {scan.phase === 'paused' && <Note>{texts.t('scanPaused', { message: scan.error.message })}</Note>}
      {scan.phase === 'failed' && <Note alert>{texts.t('scanFailed', { message: scan.error.message })}</Note>}
      {summary === null ? scan.phase !== 'running' && <Note>{texts.t('noScanYet')}</Note> : <Results summary={summary} texts={texts} />}
    </>
  );
}

function OtherBody({ view, texts }: { view: Extract<ProfilePanelView, { kind: 'other' }>; texts: PageTexts }) {
  const { model } = view;
  const phase = model.phase.value;
  const summary = model.summary.value;
  const type = texts.t(`type${view.mediaType}`);

  if (phase === 'scanning') {
    return (
      <p role="status" class="m-0 flex items-center gap-2 py-1 text-[12px] text-al-text-light">
        <span aria-hidden="true" class="inline-block size-3 animate-spin rounded-full border-2 border-al-blue border-t-transparent" />
        {texts.t('scanning', { name: view.userName })}
      </p>
    );
  }
  if (phase === 'done' && summary !== null) {
    return (
      <>
        <Results summary={summary} texts={texts} />
        <button type="button" class={`${BUTTON} mt-2`} onClick={() => void model.scan()}>
          {texts.t('rescan')}
        </button>
      </>
    );
  }
  return (
    <>
      {phase === 'failed' && <Note alert>{requestErrorText(model.error.value, texts.t)}</Note>}
      {phase !== 'failed' && <Note>{texts.t('otherIntro', { name: view.userName, type })}</Note>}
      <button type="button" class={`${BUTTON} mt-2`} onClick={() => void model.scan()}>
        {phase === 'failed' ? texts.t('rescan') : texts.t('scanButton')}
      </button>
    </>
  );
}

function summaryOf(view: ProfilePanelView): ScanSummary | null {
  switch (view.kind) {
    case 'stored':
      return view.summary;
    case 'other':
      return view.model.phase.value === 'done' ? view.model.summary.value : null;
    case 'unavailable':
      return null;
  }
}

function Body({ view, texts }: { view: ProfilePanelView; texts: PageTexts }) {
  switch (view.kind) {
    case 'stored':
      return <StoredBody summary={view.summary} scan={view.scan} texts={texts} />;
    case 'other':
      return <OtherBody view={view} texts={texts} />;
    case 'unavailable':
      return <Note alert>{requestErrorText(view.error, texts.t)}</Note>;
  }
}

/** Renders the "Missing Sequels" section of a profile overview, drawn like AniList's own sections. */
export function MissingSequelsPanel({ view, texts, theme }: MissingSequelsPanelProps) {
  const summary = summaryOf(view);

  return (
    <PanelRoot theme={theme} class="mb-7">
      <div class="mb-2.5 flex items-baseline justify-between gap-2">
        <h2 class="m-0 text-[14px] font-medium text-al-text">{texts.t('sectionTitle')}</h2>
        {summary !== null && (
          <span class="text-[12px] text-al-text-lighter">
            {texts.t('missingCount', { count: summary.missing.length })} · {texts.t(`type${summary.mediaType}`)}
          </span>
        )}
      </div>
      <div class="rounded-[4px] bg-al-foreground px-4 py-3 contrast:ring-1 contrast:ring-al-text-lighter">
        <Body view={view} texts={texts} />
        <div class="mt-2 flex flex-wrap justify-between gap-x-3 text-[11px] text-al-text-lighter">
          <span>{texts.t('brand')}</span>
          {summary !== null && <span>{texts.t('scannedAt', { date: texts.formatDate(summary.finishedAt) })}</span>}
        </div>
      </div>
    </PanelRoot>
  );
}
