// Safe HTML building for the demo pages: every interpolated value is escaped unless it is
// already markup built by this module. Feed text is untrusted (DESIGN.md §5), and the demo
// pages must show hostile names as text, exactly as a real site would.

/** Markup that has already been escaped; only `markup`, `raw` and `join` make one. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** A value that may appear inside a `markup` template. */
export type Interpolation = Html | string | number | null | undefined | false | Interpolation[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${name}</p>\`` escapes `name`; nested `markup` stays as is. */
export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(markup);
}

/** Trusted markup written in this repository (never feed text). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Joins fragments with a separator (escaped unless it is Html). */
export function join(parts: Interpolation[], separator: Interpolation = ''): Html {
  return new Html(parts.map(render).join(render(separator)));
}
