// Real editor libraries for the page-isolation e2e test, bundled with esbuild into one
// script a test page loads: ProseMirror (parses the region's DOM into its document, as rich
// text editors do when they take over existing content) and CodeMirror 6. Each mount
// returns what the editor would save.
import { EditorState as CodeState } from '@codemirror/state';
import { EditorView as CodeView } from '@codemirror/view';
import { DOMParser, DOMSerializer } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

export interface Editors {
  /** Turns `element` into a ProseMirror editor over its current content. */
  proseMirror(element: HTMLElement): { saved(): string; json(): string };
  /** Puts a CodeMirror editor in `element` holding `text`. */
  codeMirror(element: HTMLElement, text: string): { saved(): string };
  /** What ProseMirror would parse from this markup (the page's pristine copy). */
  parse(html: string): string;
}

const editors: Editors = {
  proseMirror(element) {
    const doc = DOMParser.fromSchema(schema).parse(element);
    element.textContent = '';
    const view = new EditorView(element, { state: EditorState.create({ doc }) });
    return {
      // Editors save their model, serialised back to HTML.
      saved() {
        const out = document.createElement('div');
        out.append(DOMSerializer.fromSchema(schema).serializeFragment(view.state.doc.content));
        return out.innerHTML;
      },
      json: () => JSON.stringify(view.state.doc.toJSON()),
    };
  },
  codeMirror(element, text) {
    const view = new CodeView({ state: CodeState.create({ doc: text }), parent: element });
    return { saved: () => view.state.doc.toString() };
  },
  parse(html) {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return JSON.stringify(DOMParser.fromSchema(schema).parse(holder).toJSON());
  },
};

Object.assign(window, { __editors: editors });
