// The generic adapter's rules for self-hosted tools without an adapter (Phabricator,
// MoinMoin) on the shapes the saved pages do not show: reviewers and assignees in a
// Phabricator property list, and MoinMoin footers that name no user. The snippets keep the
// markup of the captures in ../shared/corpus/pages/ (differential-revision--D7.html,
// wiki.python.org--Download.html) and change only who is named.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { generic } from '../../../lib/sites/generic/adapter';

let window: Window | undefined;

function page(url: string, body: string): Document {
  window = new Window({ url });
  window.document.body.innerHTML = body;
  return window.document as unknown as Document;
}

afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function found(document: Document, url: string): string[] {
  return generic
    .people(document, new URL(url))
    .map((m) => `${m.role}:${m.identity.handles.map((h) => `${h.host} ${h.login}`).join()}`);
}

const PHABRICATOR = 'https://phabricator.example.org/D12';
const person = (login: string) =>
  `<a href="/p/${login}/" class="phui-handle phui-link-person"><span class="perfect-circle">•</span> ${login}</a>`;

describe('generic adapter on Phabricator markup', () => {
  it('reads reviewers and the assignee from the property list by their key', () => {
    const document = page(
      PHABRICATOR,
      `<dl class="phui-property-list-properties">
        <dt class="phui-property-list-key">Reviewers </dt>
        <dd class="phui-property-list-value"><table class="phui-status-list-view"><tr>
          <td class="phui-status-item-target">${person('alice')}</td></tr><tr>
          <td class="phui-status-item-target">${person('bob')}</td></tr></table></dd>
        <dt class="phui-property-list-key">Assigned To </dt>
        <dd class="phui-property-list-value">${person('carol')}</dd>
        <dt class="phui-property-list-key">Subscribers </dt>
        <dd class="phui-property-list-value">${person('dave')}</dd>
      </dl>`,
    );
    expect(found(document, PHABRICATOR)).toEqual([
      'reviewer:phabricator.example.org alice',
      'reviewer:phabricator.example.org bob',
      'assignee:phabricator.example.org carol',
      'member:phabricator.example.org dave',
    ]);
  });

  it('never names the signed-in viewer of the top bar, nor links to other objects', () => {
    const document = page(
      PHABRICATOR,
      `<div class="phabricator-main-menu"><a class="phabricator-core-user-menu" href="/p/viewer/"></a>
        ${person('viewer')}</div>
       <a href="/p/" class="phui-link-person">People</a>
       <a href="/D6" class="phui-oi-link">A change</a>
       <a href="/p/alice/edit/" class="phui-link-person">edit</a>`,
    );
    expect(found(document, PHABRICATOR)).toEqual([]);
  });
});

const MOIN = 'https://wiki.example.org/moin/SomePage';

describe('generic adapter on MoinMoin page info', () => {
  it('names the last editor only through MoinMoin\'s "<login> @ <host>" title', () => {
    const document = page(
      MOIN,
      `<div id="content"><p>See <a href="/moin/FrontPage" title="FrontPage">FrontPage</a>.</p></div>
       <p id="pageinfo" class="info">SomePage (last edited 2019-11-10 13:28:18 by
         <span title="JaneDoe @ host.example.net[192.0.2.1]"><a href="/moin/JaneDoe"
           title="JaneDoe @ host.example.net[192.0.2.1]">JaneDoe</a></span>)</p>`,
    );
    expect(found(document, MOIN)).toEqual(['editor:wiki.example.org JaneDoe']);
  });

  it('names nobody when an anonymous edit shows only a host', () => {
    const document = page(
      MOIN,
      `<p id="pageinfo" class="info">SomePage (last edited 2019-11-10 13:28:18 by
         <span title="host.example.net[192.0.2.1]">host.example.net</span>)
         <a href="/moin/HelpOnEditing" title="Help on editing">help</a></p>`,
    );
    expect(found(document, MOIN)).toEqual([]);
  });
});
