// CSS of the badges and topic marks, inside their shadow roots. Colours follow the page's
// light or dark theme (data-constellation-theme on the host); sizes follow the page's font.

export const BADGE_CSS = `
:host{display:inline-block;margin-left:.25em;vertical-align:baseline;cursor:pointer;outline:none;line-height:1}
.badge{display:inline-block;font:600 10px/1.5 system-ui,sans-serif;padding:0 .45em;border-radius:999px;
  background:#e8eefc;color:#1f3a8a;border:1px solid #b8c7f0;white-space:nowrap}
.badge.colleague{background:#fff3d6;color:#7a4b00;border-color:#e8c46a}
.badge.me{background:#e3f5e8;color:#155d2b;border-color:#9fd3ad}
:host([data-constellation-theme="dark"]) .badge{background:#1e2a4a;color:#c9d6ff;border-color:#3a4d80}
:host([data-constellation-theme="dark"]) .badge.colleague{background:#4a3410;color:#ffe1a3;border-color:#8a6a2a}
:host([data-constellation-theme="dark"]) .badge.me{background:#163524;color:#bff0cf;border-color:#2e6b45}
:host(:focus-visible) .badge{outline:2px solid #3b82f6;outline-offset:1px}
`;

export const TOPIC_CSS = `
:host{display:inline;cursor:help;outline:none;text-decoration:underline dotted #6b7cc4;text-underline-offset:2px}
:host([data-constellation-theme="dark"]){text-decoration-color:#9fb0f0}
.mark{font-size:.6em;vertical-align:super;margin-left:.1em;color:#4f5fa8}
:host([data-constellation-theme="dark"]) .mark{color:#9fb0f0}
:host(:focus-visible){outline:2px solid #3b82f6;outline-offset:1px;border-radius:2px}
`;
