import type { ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

interface ChartCanvasProps {
  config: ChartConfiguration<ChartType>;
  /** The chart's content as a sentence, which screen readers read in place of the canvas. */
  label: string;
  class?: string;
  testId?: string;
}

/**
 * A chart.js chart. chart.js is loaded on first use, so it never delays the popup's first paint,
 * and only the controllers and elements these charts use are registered.
 */
export function ChartCanvas({ config, label, class: sizeClass = 'h-40', testId }: ChartCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import('chart.js').then((module) => {
      const canvas = canvasRef.current;
      if (cancelled || canvas === null) return;
      module.Chart.register(
        module.BarController, module.BarElement, module.CategoryScale, module.LinearScale,
        module.DoughnutController, module.ArcElement, module.Legend, module.Tooltip,
      );
      chart = new module.Chart(canvas, config);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);

  return (
    <div class={`relative ${sizeClass}`}>
      <canvas ref={canvasRef} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
