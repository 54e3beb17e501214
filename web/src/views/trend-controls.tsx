import { useState } from 'preact/hooks';
import type { Granularity } from '../generated/operations';
import { addDays, label } from '../format';
import type { TrendChoice } from './trend';

// What the trend is drawn for: subscription, source, license type, granularity and the range.
// Each choice is a URL parameter; dates are applied together with their button.

interface Props {
  choice: TrendChoice;
  subscriptions: ReadonlyArray<{ id: string; kind: string }>;
  sources: ReadonlyArray<{ id: string; name: string; region: string }>;
  types: readonly string[];
  granularities: readonly Granularity[];
  onChange: (next: Partial<TrendChoice>) => void;
}

const PRESETS = [30, 90, 180, 365];

export function TrendControls({
  choice,
  subscriptions,
  sources,
  types,
  granularities,
  onChange,
}: Props) {
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form
      class="filters trend-controls"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ from, to });
      }}
    >
      <label for="trend-subscription">Subscription</label>
      <select
        id="trend-subscription"
        value={choice.subscription}
        onChange={(event) => onChange({ subscription: value(event), source: '' })}
      >
        {subscriptions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.id} ({s.kind === 'DEDICATED_INSTANCE' ? 'Dedicated Instance' : 'multi-tenant'})
          </option>
        ))}
      </select>
      <label for="trend-source">Cluster or tenant</label>
      <select
        id="trend-source"
        value={choice.source}
        onChange={(event) => onChange({ source: value(event) })}
      >
        <option value="">the whole subscription</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.region})
          </option>
        ))}
      </select>
      <label for="trend-type">License type</label>
      <select
        id="trend-type"
        value={choice.type}
        onChange={(event) => onChange({ type: value(event) })}
      >
        {types.map((type) => (
          <option key={type} value={type}>
            {label(type)}
          </option>
        ))}
      </select>
      <label for="trend-granularity">Per</label>
      <select
        id="trend-granularity"
        value={choice.granularity}
        onChange={(event) => onChange({ granularity: value(event) as Granularity })}
      >
        {granularities.map((g) => (
          <option key={g} value={g}>
            {g.toLowerCase()}
          </option>
        ))}
      </select>
      <fieldset class="range">
        <legend>Range</legend>
        <label for="trend-from">From</label>
        <input
          id="trend-from"
          type="date"
          value={from}
          max={to}
          onInput={(e) => setFrom(value(e))}
        />
        <label for="trend-to">To</label>
        <input id="trend-to" type="date" value={to} min={from} onInput={(e) => setTo(value(e))} />
        <button type="submit">Apply range</button>
        {PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            class="preset"
            onClick={() => onChange({ from: addDays(choice.to, -(days - 1)) })}
          >
            Last {days} days
          </button>
        ))}
      </fieldset>
    </form>
  );
}
