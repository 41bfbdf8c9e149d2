import type { ComponentChildren } from 'preact';

export interface TabItem<Key extends string> {
  key: Key;
  label: ComponentChildren;
  testId?: string;
}

interface TabsProps<Key extends string> {
  tabs: readonly TabItem<Key>[];
  active: Key;
  onSelect(key: Key): void;
  label: string;
  /** Prefix of the ids tying each tab to its panel: `${idPrefix}-tab-${key}` and `${idPrefix}-panel-${key}`. */
  idPrefix: string;
}

/**
 * Renders a tab list in the WAI-ARIA pattern: only the active tab is in the tab order, and the arrow,
 * Home and End keys move between tabs.
 */
export function Tabs<Key extends string>({ tabs, active, onSelect, label, idPrefix }: TabsProps<Key>) {
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.key === active);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = next === null ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onSelect(tab.key);
    document.getElementById(`${idPrefix}-tab-${tab.key}`)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} class="flex gap-1 border-b border-al-border bg-al-card px-2" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.key === active;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel-${tab.key}`}
            tabIndex={selected ? 0 : -1}
            class={`-mb-px flex-auto border-b-2 px-1 py-1.5 text-xs font-semibold whitespace-nowrap ${
              selected ? 'border-al-blue text-al-strong' : 'border-transparent text-al-muted hover:text-al-strong'
            }`}
            onClick={() => onSelect(tab.key)}
            data-testid={tab.testId}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
