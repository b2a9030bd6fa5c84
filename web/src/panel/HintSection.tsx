import { describeHint } from '../lib/status';
import type { SectionProps } from './sections';

export function HintSection({ claim }: SectionProps) {
  const percent = claim.hint === null ? 0 : Math.round(claim.hint * 100);
  const features = [...claim.hintFeatures].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <>
      <p>
        <strong>{describeHint(claim.hint)}</strong>
      </p>
      <div class="meter" aria-hidden="true">
        <span class="meter__fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="muted small">A triage aid from the wording alone, never a decision: editors decide what is check-worthy.</p>
      {features.length === 0 ? (
        <p class="muted">No feature fired: the hint is the base rate.</p>
      ) : (
        <table class="features">
          <caption class="sr-only">Features behind the hint</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Effect</th>
              <th scope="col">Found</th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => (
              <tr key={f.name}>
                <th scope="row">{f.name.replace(/_/g, ' ')}</th>
                <td class={f.weight >= 0 ? 'up' : 'down'}>
                  {f.weight >= 0 ? '▲ raises' : '▼ lowers'} {Math.abs(f.weight).toFixed(1)}
                </td>
                <td>{f.matched.map((m) => `“${m}”`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
