// Vite's `?inline` CSS imports (https://vite.dev/guide/features#disabling-css-injection-into-the-page):
// the stylesheet's text, for shadow roots that page styles cannot reach.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
