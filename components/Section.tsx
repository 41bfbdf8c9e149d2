import type { ComponentChildren } from 'preact';

interface SectionProps {
  id: string;
  title: string;
  description?: string;
  children: ComponentChildren;
}

/** A titled card of the options page; its heading labels it for screen readers. */
export function Section({ id, title, description, children }: SectionProps) {
  return (
    <section class="card space-y-3 p-4" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <div>
        <h2 id={`${id}-heading`} class="text-base font-semibold text-al-strong">
          {title}
        </h2>
        {description && <p class="mt-0.5 text-sm text-al-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}
