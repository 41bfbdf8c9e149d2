import type { PlanningModel } from '../../lib/pages/models';
import { requestErrorText, type PageTexts } from '../../lib/pages/texts';

interface AddToPlanningButtonProps {
  model: PlanningModel;
  texts: PageTexts;
}

/** AniList's blue button; it adds one media to Planning and then says so. */
export function AddToPlanningButton({ model, texts }: AddToPlanningButtonProps) {
  const phase = model.phase.value;
  const label =
    phase === 'adding' ? texts.t('adding') : phase === 'added' ? texts.t('added') : texts.t('addToPlanning');

  return (
    <div class="flex flex-col items-end gap-1">
      <button
        type="button"
        class="cursor-pointer rounded-[3px] border-0 bg-al-blue px-3 py-1.5 text-[12px] font-semibold whitespace-nowrap text-al-white transition-opacity hover:opacity-85 disabled:cursor-default disabled:opacity-70 contrast:outline contrast:outline-1 contrast:outline-al-text"
        disabled={phase === 'adding' || phase === 'added'}
        aria-live="polite"
        onClick={() => void model.add()}
      >
        {label}
      </button>
      {phase === 'failed' && (
        <p role="alert" class="m-0 max-w-[260px] text-right text-[11px] text-al-red">
          {texts.t('addFailed', { reason: requestErrorText(model.error.value, texts.t) })}
        </p>
      )}
    </div>
  );
}
