/** Small building blocks shared by every page: fields with their errors, alerts, status tags, progress. */
import type { ComponentChildren, Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { ClaimStatus, LevelSummary } from '../api/types';
import { levelColours } from '../lib/colors';
import { STATUS_INFO } from '../lib/status';

/** The input attributes the forms use (kept explicit: Preact's ARIA-strict attribute unions do not spread). */
interface InputAttributes {
  id?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date' | 'number' | 'color';
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  required?: boolean;
  disabled?: boolean;
}

type InputProps = InputAttributes & {
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** The ids a field's control needs: its own, and those of the hint and the error that describe it. */
function useFieldIds(id: string | undefined, hint: string | undefined, error: string | undefined) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { inputId, describedBy };
}

interface ShellProps {
  inputId: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ComponentChildren;
}

/** What every field has around its control: the label, the hint above it and the error under it. */
function FieldShell({ inputId, label, hint, error, className, children }: ShellProps) {
  return (
    <div class={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={inputId}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field__error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input; an error from the API appears under it and is announced with it. */
export function Field({ label, error, hint, value, onValue, id, inputRef, type = 'text', ...rest }: InputProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  return (
    <FieldShell inputId={inputId} label={label} hint={hint} error={error}>
      <input
        ref={inputRef}
        // One literal for the checker: Preact types each input type's allowed ARIA roles separately.
        type={type as 'text'}
        id={inputId}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </FieldShell>
  );
}

type TextAreaProps = {
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
};

export function TextAreaField({ label, error, hint, value, onValue, id, ...rest }: TextAreaProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  return (
    <FieldShell inputId={inputId} label={label} hint={hint} error={error}>
      <textarea
        id={inputId}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
    </FieldShell>
  );
}

type SelectProps = {
  id?: string;
  hint?: string;
  class?: string;
  disabled?: boolean;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** Further options under group headings (after `options`). */
  groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[];
  error?: string;
};

export function SelectField({ label, value, onValue, options, groups, error, hint, id, class: className, ...rest }: SelectProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  const option = (o: { value: string; label: string }) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <FieldShell inputId={inputId} label={label} hint={hint} error={error} className={className}>
      <select
        id={inputId}
        value={value}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...rest}
      >
        {options.map(option)}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/** Messages that are not about one field. Announced when they appear. */
export function Alert({ messages, tone = 'error', children }: { messages?: readonly string[]; tone?: 'error' | 'info' | 'success'; children?: ComponentChildren }) {
  if (!messages?.length && !children) return null;
  return (
    <div class={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {messages && messages.length === 1 && <p>{messages[0]}</p>}
      {messages && messages.length > 1 && (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

export function StatusTag({ status }: { status: ClaimStatus }) {
  const info = STATUS_INFO[status];
  return <span class={`tag tag--${info?.tone ?? 'unreviewed'}`}>{info?.label ?? status}</span>;
}

export function WorthyTag({ checkWorthy }: { checkWorthy: boolean }) {
  return checkWorthy ? <span class="tag tag--worthy">Check-worthy</span> : <span class="tag tag--skip">Not check-worthy</span>;
}

export function Progress({ progress }: { progress: { total: number; checkWorthy: number; checked: number } }) {
  const { total, checkWorthy, checked } = progress;
  const base = checkWorthy || 1;
  return (
    <div class="progress">
      <div
        class="progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={checkWorthy}
        aria-valuenow={checked}
        aria-label="Check-worthy claims checked"
      >
        <span class="progress__fill" style={{ width: `${Math.min(100, (checked / base) * 100)}%` }} />
      </div>
      <p class="progress__text">
        <strong>{checked}</strong> checked · <strong>{checkWorthy}</strong> check-worthy · <strong>{total}</strong> claims
      </p>
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** A rating level: its colour as a swatch, always with its label (colour is never the only signal). */
export function LevelTag({ level, prefix }: { level: Pick<LevelSummary, 'label' | 'color'>; prefix?: string }) {
  const colours = levelColours(level.color);
  return (
    <span class="tag level-tag" style={{ backgroundColor: colours.color, color: colours.ink }}>
      {prefix}
      {level.label}
    </span>
  );
}

interface Choice {
  value: string;
  label: string;
  /** A level's colour: shown as a swatch beside the label. */
  color?: string;
  description?: string;
}

/** A labelled group of radio buttons (a fieldset with a legend); the error is announced with the group. */
export function RadioGroup({
  legend,
  name,
  value,
  onValue,
  choices,
  error,
  hint,
  class: className,
  inline,
}: {
  legend: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  choices: readonly Choice[];
  error?: string;
  hint?: string;
  class?: string;
  inline?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      class={`choices${inline ? ' choices--inline' : ''}${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {choices.map((c) => (
        <label key={c.value} class="choice">
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onValue(c.value)} />{' '}
          {c.color ? <LevelTag level={{ label: c.label, color: c.color }} /> : <span>{c.label}</span>}
          {c.description && <span class="choice__description muted small"> {c.description}</span>}
        </label>
      ))}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Tick boxes for a set of values (e.g. the sources a verdict rests on). */
export function CheckboxGroup({
  legend,
  values,
  onValues,
  choices,
  error,
  empty,
}: {
  legend: string;
  values: readonly string[];
  onValues: (values: string[]) => void;
  choices: readonly { value: string; label: string; detail?: string }[];
  error?: string;
  empty?: string;
}) {
  const id = useId();
  return (
    <fieldset class={`choices${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {choices.length === 0 && empty && <p class="muted small">{empty}</p>}
      {choices.map((c) => (
        <label key={c.value} class="choice">
          <input
            type="checkbox"
            checked={values.includes(c.value)}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              onValues(on ? [...values, c.value] : values.filter((v) => v !== c.value));
            }}
          />{' '}
          <span>{c.label}</span>
          {c.detail && <span class="muted small"> {c.detail}</span>}
        </label>
      ))}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
