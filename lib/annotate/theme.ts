// The page's light or dark theme, so badges and hovercards match it: sites' own theme
// markers first (GitHub data-color-mode, GitLab gl-dark, Gitea/Forgejo data-theme), then
// the luminance of the page background, then the system preference.
import type { Theme } from './hosts';

function luminance(color: string): number | undefined {
  const match = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
  if (!match) return undefined;
  if (match[4] !== undefined && Number(match[4]) < 0.5) return undefined; // transparent
  const [r, g, b] = [match[1], match[2], match[3]].map((v) => Number(v) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function pageTheme(document: Document): Theme {
  const html = document.documentElement;
  const body = document.body;
  const mode = html?.getAttribute('data-color-mode');
  const view = document.defaultView;
  const prefersDark = view?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  if (mode === 'dark') return 'dark';
  if (mode === 'light') return 'light';
  if (mode === 'auto') return prefersDark ? 'dark' : 'light';
  if (html?.classList.contains('gl-dark') || body?.classList.contains('gl-dark')) return 'dark';
  const theme = html?.getAttribute('data-theme') ?? '';
  if (/dark/.test(theme)) return 'dark';
  if (/light/.test(theme)) return 'light';
  for (const element of [body, html]) {
    if (!element || !view) continue;
    const value = luminance(view.getComputedStyle(element).backgroundColor);
    if (value !== undefined) return value < 0.4 ? 'dark' : 'light';
  }
  return prefersDark ? 'dark' : 'light';
}
