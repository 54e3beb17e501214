import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

// Consumption against purchased over time, drawn with uPlot into a canvas. The chart is a picture
// for the eye; the same numbers are in the table beside it (trend.tsx) for keyboards and screen
// readers, so the canvas is hidden from assistive technology and described by its caption.

export interface TrendSeries {
  /** Periods as YYYY-MM-DD, ascending. */
  periods: string[];
  consumed: Array<number | null>;
  purchased: Array<number | null>;
  /** A projected consumption line (forecast), null where there is none. */
  projected?: Array<number | null>;
}

const toSeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

function options(width: number, stepped: boolean, withProjection: boolean): uPlot.Options {
  const series: uPlot.Series[] = [
    {},
    { label: 'Consumed', stroke: '#1d4ed8', width: 2, points: { show: true, size: 4 } },
    {
      label: 'Purchased',
      stroke: '#374151',
      width: 2,
      dash: [8, 4],
      paths: stepped ? uPlot.paths.stepped!({ align: 1 }) : undefined,
      points: { show: false },
    },
  ];
  if (withProjection) {
    series.push({
      label: 'Forecast',
      stroke: '#b45309',
      width: 2,
      dash: [2, 4],
      points: { show: false },
    });
  }
  return {
    width,
    height: Math.max(220, Math.min(360, Math.round(width * 0.45))),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series,
    axes: [{}, { size: 60 }],
    scales: { x: { time: true } },
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
}

export function TrendChart({ series, label }: { series: TrendSeries; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const withProjection = Boolean(series.projected?.some((value) => value !== null));
    const data: uPlot.AlignedData = [
      series.periods.map(toSeconds),
      series.consumed,
      series.purchased,
      ...(withProjection ? [series.projected!] : []),
    ];
    const chart = new uPlot(
      options(element.clientWidth || 600, true, withProjection),
      data,
      element,
    );
    const resize = new ResizeObserver(() => {
      const width = element.clientWidth;
      if (width > 0 && width !== chart.width) chart.setSize({ width, height: chart.height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [series]);
  return (
    <figure class="chart">
      <div ref={holder} aria-hidden="true" />
      <figcaption>{label}</figcaption>
    </figure>
  );
}
