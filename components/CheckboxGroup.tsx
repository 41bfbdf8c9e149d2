interface CheckboxGroupProps<Value extends string> {
  legend: string;
  /** Every value in display order, with its label. */
  options: readonly { value: Value; label: string }[];
  checked: readonly Value[];
  onChange(checked: Value[]): void;
  /** Extra help under the legend, such as "at least one". */
  hint?: string;
  testId?: string;
  disabled?: boolean;
}

/** A fieldset of checkboxes for a set of values; the result keeps the options' order. */
export function CheckboxGroup<Value extends string>(props: CheckboxGroupProps<Value>) {
  const { legend, options, checked, onChange, hint, testId, disabled } = props;
  const toggle = (value: Value, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((item) => next.has(item)));
  };

  return (
    <fieldset data-testid={testId} disabled={disabled}>
      <legend class="text-sm font-semibold text-al-strong">{legend}</legend>
      {hint && <p class="text-xs text-al-muted">{hint}</p>}
      <div class="mt-1.5 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
        {options.map((option) => (
          <label key={option.value} class="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              class="size-4 accent-al-blue"
              checked={checked.includes(option.value)}
              onChange={(event) => {
                const input = event.currentTarget;
                toggle(option.value, input.checked);
                // Back to the stored value until new props arrive, so a refused change does not stick.
                input.checked = checked.includes(option.value);
              }}
              value={option.value}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
