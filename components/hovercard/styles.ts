// The hovercard's CSS, inside its shadow root: the page's styles cannot reach it, ours
// cannot leak out. Light and dark follow the page (data-theme on the card).
export const HOVERCARD_CSS = `
:host{all:initial}
.card{position:fixed;z-index:2147483646;box-sizing:border-box;width:340px;max-width:calc(100vw - 16px);
  max-height:min(420px,calc(100vh - 16px));overflow:auto;padding:12px 14px;border-radius:8px;
  font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:#fff;color:#1b1f24;
  border:1px solid #d0d7de;box-shadow:0 8px 24px rgba(20,30,50,.18);text-align:left}
.card[data-theme="dark"]{background:#161b22;color:#e6edf3;border-color:#3d444d;box-shadow:0 8px 24px rgba(0,0,0,.5)}
.card:focus{outline:2px solid #3b82f6;outline-offset:1px}
h2{font-size:15px;margin:0 0 2px}h3{font-size:12px;margin:10px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#57606a}
.card[data-theme="dark"] h3{color:#9da7b3}
p{margin:2px 0}ul{margin:0;padding:0;list-style:none}li{margin:3px 0}
.meta{color:#57606a}.card[data-theme="dark"] .meta{color:#9da7b3}
.demo{display:inline-block;font-size:11px;font-weight:600;padding:0 6px;border-radius:4px;background:#fff3d6;color:#7a4b00;margin-bottom:6px}
.card[data-theme="dark"] .demo{background:#4a3410;color:#ffe1a3}
.shared{display:inline-block;font-size:11px;font-weight:600;padding:0 6px;border-radius:4px;background:#fff3d6;color:#6b4100;margin-left:4px}
.card[data-theme="dark"] .shared{background:#4a3410;color:#ffe1a3}
.colleague-line{margin:6px 0;padding:4px 8px;border-left:3px solid #d4a72c;background:#fffbef}
.card[data-theme="dark"] .colleague-line{background:#2b2210;border-color:#b08a2e}
.stranger-line{margin:6px 0;color:#57606a}.card[data-theme="dark"] .stranger-line{color:#9da7b3}
.tag{display:inline-block;font-size:11px;padding:0 5px;border-radius:4px;border:1px solid #d0d7de;margin-right:3px}
.card[data-theme="dark"] .tag{border-color:#3d444d}
a{color:#0969da}.card[data-theme="dark"] a{color:#4493f8}
button.close{position:absolute;top:6px;right:6px;border:0;background:none;color:inherit;font-size:16px;line-height:1;cursor:pointer;padding:4px;border-radius:4px}
button.close:focus-visible{outline:2px solid #3b82f6}
.community{padding:6px 0;border-top:1px solid #eaeef2}.card[data-theme="dark"] .community{border-color:#30363d}
`;
