// CSS of the badges and topic marks, inside their closed shadow roots. Colours follow the
// page's light or dark theme (a class on the inner button); sizes follow the page's font.
// The hosts are plain <span>s, so page rules for `span` would reach them: the :host rules are
// !important, which in the shadow cascade beats the page's normal and important rules alike.
// A badge has one fixed size, whatever its count or relation (docs/security.md).

const SR = `.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}`;

/** Colours of a badge by relation and theme, shared by the inline and the avatar badge. */
const BADGE_COLOURS = `
.badge{background:#e8eefc;color:#1f3a8a;border:1px solid #b8c7f0;white-space:nowrap;overflow:hidden;text-align:center;box-sizing:border-box}
.badge.colleague{background:#fff3d6;color:#7a4b00;border-color:#e8c46a}
.badge.me{background:#e3f5e8;color:#155d2b;border-color:#9fd3ad}
.dark .badge{background:#1e2a4a;color:#c9d6ff;border-color:#3a4d80}
.dark .badge.colleague{background:#4a3410;color:#ffe1a3;border-color:#8a6a2a}
.dark .badge.me{background:#163524;color:#bff0cf;border-color:#2e6b45}
.button:focus-visible .badge{outline:2px solid #3b82f6;outline-offset:1px}
`;

export const BADGE_CSS = `
:host{all:initial !important;display:inline-block !important;margin-left:.25em !important;vertical-align:baseline !important;line-height:1 !important;font-size:inherit !important}
:host([hidden]){display:none !important}
.button{display:inline-block;position:relative;cursor:pointer;outline:none}
.badge{display:inline-block;width:3.6em;font:600 10px/1.5 system-ui,sans-serif;font-variant-numeric:tabular-nums;padding:0 .3em;border-radius:999px}
${BADGE_COLOURS}
${SR}
`;

/** Side of the avatar badge, in CSS pixels (one size for every avatar badge). */
export const AVATAR_BADGE_PX = 16;

/**
 * The badge of an avatar-only link (issue 14): out of flow (absolutely positioned, so the
 * avatar row neither reflows nor grows, and no flex gap or grid cell is added), a small disc
 * moved onto the avatar's lower right corner by `translate` (set per badge in its own root,
 * lib/annotate/avatar-badges.ts). Its containing block is the nearest positioned ancestor,
 * so an avatar's own `overflow:hidden` (round avatars) never clips it.
 */
export const AVATAR_BADGE_CSS = `
:host{all:initial !important;position:absolute !important;display:block !important;z-index:1 !important;width:${AVATAR_BADGE_PX}px !important;height:${AVATAR_BADGE_PX}px !important;margin:0 !important;line-height:1 !important;font-size:10px !important}
:host([hidden]){display:none !important}
.button{display:block;position:relative;cursor:pointer;outline:none;width:100%;height:100%}
.badge{display:block;width:100%;height:100%;border-radius:50%;font:600 9px/${AVATAR_BADGE_PX - 2}px system-ui,sans-serif}
${BADGE_COLOURS}
${SR}
`;

export const TOPIC_CSS = `
:host{display:inline !important}
.button{position:relative;cursor:help;outline:none;text-decoration:underline dotted #6b7cc4;text-underline-offset:2px}
.button.dark{text-decoration-color:#9fb0f0}
.mark{font-size:.6em;vertical-align:super;margin-left:.1em;color:#4f5fa8}
.dark .mark{color:#9fb0f0}
.button:focus-visible{outline:2px solid #3b82f6;outline-offset:1px;border-radius:2px}
${SR}
`;
