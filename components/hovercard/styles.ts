// The hovercard's CSS, inside its shadow root: the page's styles cannot reach it, ours
// cannot leak out. The shared design tokens (components/theme/tokens.css) come first, so the
// cards speak the same visual language as the popup and the options; light and dark follow
// the page (data-theme on the card), not the browser.
import TOKENS_CSS from '../theme/tokens.css?inline';

const CARD_CSS = `
:host{all:initial}
.card{position:fixed;z-index:2147483646;box-sizing:border-box;width:360px;max-width:calc(100vw - 16px);
  max-height:min(440px,calc(100vh - 16px));overflow:auto;padding:var(--space-3) var(--space-4);
  border-radius:var(--radius-3);font-family:var(--font-sans);font-size:var(--text-body);line-height:var(--leading);
  background:var(--canvas);color:var(--fg);border:1px solid var(--border);box-shadow:var(--shadow-overlay);text-align:left;
  -webkit-font-smoothing:antialiased}
.card:focus{outline:none}.card:focus-visible{outline:var(--focus-ring);outline-offset:1px}
h2{font-size:var(--text-md);font-weight:600;line-height:var(--leading-tight);margin:0 28px 2px 0}
h3{font-size:var(--text-xs);font-weight:600;margin:var(--space-3) 0 var(--space-1);text-transform:uppercase;letter-spacing:.04em;color:var(--fg-muted)}
p{margin:2px 0}ul{margin:0;padding:0;list-style:none}li{margin:var(--space-1) 0}
.meta{color:var(--fg-muted);font-size:var(--text-sm)}
.demo{display:inline-flex;padding:0 7px;font-size:var(--text-xs);font-weight:600;line-height:18px;border-radius:var(--radius-full);
  color:var(--attention-fg);background:var(--attention-subtle);border:1px solid var(--attention-border);margin-bottom:var(--space-2)}
.shared{display:inline-flex;font-size:var(--text-xs);font-weight:600;padding:0 7px;line-height:18px;border-radius:var(--radius-full);
  background:var(--attention-subtle);color:var(--attention-fg);border:1px solid var(--attention-border);margin-left:var(--space-1)}
.colleague-line{margin:var(--space-2) 0;padding:var(--space-1) var(--space-2);border-left:3px solid var(--attention-fg);background:var(--attention-subtle);border-radius:0 var(--radius-1) var(--radius-1) 0}
.stranger-line{margin:var(--space-2) 0;color:var(--fg-muted);font-size:var(--text-sm)}
.tag{margin-right:var(--space-1)}
.tags{display:flex;flex-wrap:wrap;gap:var(--space-1);align-items:center;margin-top:2px}
.tags .tag{margin:0}
a{color:var(--accent-fg);text-decoration:none}a:hover{text-decoration:underline}
button.close{position:absolute;top:var(--space-2);right:var(--space-2);display:inline-flex;align-items:center;justify-content:center;
  width:28px;height:28px;border:0;background:none;color:var(--fg-muted);font-size:18px;line-height:1;cursor:pointer;padding:0;border-radius:var(--radius-2);box-shadow:none}
button.close:hover{background:var(--neutral-subtle);color:var(--fg)}
button.close:focus-visible{outline:var(--focus-ring)}
.community{padding:var(--space-2) 0;border-top:1px solid var(--border-muted);margin:0}
.community:first-child{border-top:0;padding-top:0}
.more{color:var(--accent-fg);font-size:var(--text-sm);margin-top:var(--space-1)}
.evidence{display:block}
.discovered-info{margin-top:2px}
[hidden]{display:none !important}
ul[data-field="take-part"]{display:flex;flex-wrap:wrap;gap:2px var(--space-3);margin-top:var(--space-1);font-size:var(--text-sm)}
ul[data-field="take-part"] li{margin:0}
`;

export const HOVERCARD_CSS = `${TOKENS_CSS}\n${CARD_CSS}`;
