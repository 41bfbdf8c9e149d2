import { action, createModel, signal } from '@preact/signals';
import type { ScanSummary } from '../messages/state';
import { RequestError } from '../messages/send';
import type { PageBackground } from './background-client';

/**
 * State of the page panels, kept in signal models outside the components so the features and
 * tests can drive them without rendering.
 */

export type OtherScanPhase = 'idle' | 'scanning' | 'done' | 'failed';

/** Lower-cased user name to that user's last scan made from this tab. */
export type OtherScanCache = Map<string, ScanSummary>;

/**
 * Someone else's list, scanned only when the user presses the button. A scan made earlier on the
 * same tab is shown again without a new request.
 */
export const OtherUserScanModel = createModel((background: PageBackground, userName: string, cache: OtherScanCache) => {
  const cached = cache.get(userName.toLowerCase()) ?? null;
  const phase = signal<OtherScanPhase>(cached === null ? 'idle' : 'done');
  const summary = signal<ScanSummary | null>(cached);
  const error = signal<unknown>(null);

  const scan = action(async () => {
    if (phase.value === 'scanning') return;
    phase.value = 'scanning';
    error.value = null;
    try {
      const result = await background.scanOtherUser(userName);
      cache.set(userName.toLowerCase(), result);
      summary.value = result;
      phase.value = 'done';
    } catch (failure) {
      error.value = failure;
      phase.value = 'failed';
    }
  });

  return { phase, summary, error, scan };
});
export type OtherUserScanModel = InstanceType<typeof OtherUserScanModel>;

export type PlanningPhase = 'idle' | 'adding' | 'added' | 'failed';

/** Adding one media to the Planning list from a page. */
export const PlanningModel = createModel((background: PageBackground, mediaId: number) => {
  const phase = signal<PlanningPhase>('idle');
  const error = signal<unknown>(null);

  const add = action(async () => {
    if (phase.value === 'adding' || phase.value === 'added') return;
    phase.value = 'adding';
    error.value = null;
    try {
      const result = await background.addToPlanning(mediaId);
      const failure = result.failed.find((item) => item.mediaId === mediaId);
      if (failure !== undefined || !result.added.includes(mediaId)) {
        const message = failure?.message ?? `The background did not add media ${mediaId} to Planning.`;
        throw new RequestError({ kind: 'failed', message });
      }
      phase.value = 'added';
    } catch (failure) {
      error.value = failure;
      phase.value = 'failed';
    }
  });

  return { phase, error, add };
});
export type PlanningModel = InstanceType<typeof PlanningModel>;
