import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import type { I18n, MessageKey } from '../../platform/views/i18n/locale.js';

export type FormValues = Record<string, string>;
/** Field name → message key of what is wrong with it. */
export type FieldErrors = Record<string, MessageKey>;

/**
 * A urlencoded or multipart form as strings, trimmed; a repeated field (a multiple select) is joined with
 * commas. Files are ignored (no console form takes one).
 */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  // a broken multipart body makes undici throw a TypeError: that is the sender's fault, not a 500
  const body = await c.req.parseBody({ all: true }).catch(() => {
    throw new AppError('BAD_REQUEST');
  });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (values.length) out[k] = values.map((x) => x.trim()).join(',');
  }
  return out;
}

/** A form's id field as a number, or undefined (the schema then says it is missing). */
export const idOf = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** Schema issues as one message per field (the first issue of each). */
export function issuesToFields(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] =
      issue.code === 'too_small'
        ? 'console.field.required'
        : issue.code === 'invalid_type'
          ? 'console.field.required'
          : 'console.field.invalid';
  }
  return out;
}

/** A labelled control with its error, tied together for screen readers. */
export function Field(props: {
  i18n: I18n;
  id: string;
  label: string;
  error?: MessageKey;
  help?: string;
  children: (aria: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => Child;
}) {
  const errId = `${props.id}-error`;
  const helpId = `${props.id}-help`;
  const describedBy = [props.error && errId, props.help && helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.help && (
        <p class="help" id={helpId}>
          {props.help}
        </p>
      )}
      {props.children({
        id: props.id,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': describedBy,
      })}
      {props.error && (
        <p class="error-list" id={errId} role="alert">
          {props.i18n.t(props.error)}
        </p>
      )}
    </div>
  );
}

/** The list of what to correct, at the top of a form re-rendered with 422. */
export function ErrorSummary(props: { i18n: I18n; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice warn" role="alert">
      <p>{props.i18n.t('console.errors.heading')}</p>
      <ul class="error-list">
        {entries.map(([field, key]) => (
          <li>
            {props.labels[field] ?? field}: {props.i18n.t(key)}
          </li>
        ))}
      </ul>
    </div>
  );
}
