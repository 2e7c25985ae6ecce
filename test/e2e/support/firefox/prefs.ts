// Firefox preferences of the test profile, on top of puppeteer's own defaults (which already
// silence Shield, safe browsing, search updates and data reporting). Two jobs:
// 1. route every request through the trap proxy on 127.0.0.1 (trap-proxy.ts), so nothing
//    reaches any other address whatever Firefox decides to fetch;
// 2. stop the background traffic we know of at the source, so the proxy's refusal log holds
//    what the pages and the extension tried, not Firefox's housekeeping.
// The names are Firefox's (modules/libpref/init/all.js), several as Marionette's own list of
// recommended automation preferences sets them.

export interface FirefoxPrefsOptions {
  proxyPort: number;
  /** Our add-on's id → the fixed moz-extension:// host the tests open. */
  extensionUuids: Record<string, string>;
  /** A policies.json Firefox reads instead of the installation's (only in automation). */
  policiesPath: string;
}

export function firefoxPrefs(
  options: FirefoxPrefsOptions,
): Record<string, string | number | boolean> {
  return {
    // One proxy for every scheme; loopback (the feed server) is never proxied by Firefox.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': options.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': options.proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    // The proxy resolves nothing: names are never looked up by Firefox itself.
    'network.proxy.socks_remote_dns': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Remote settings (blocklists, CRLite, intermediates) and other services.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.discovery.api_url': 'data:,',
    'media.gmp-manager.url': 'data:,',
    'app.update.enabled': false,
    'app.update.auto': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'browser.ping-centre.telemetry': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    // A fixed moz-extension://<uuid>/ per add-on id: Firefox otherwise picks a random one per
    // profile, and the tests must know where the popup is.
    'extensions.webextensions.uuids': JSON.stringify(options.extensionUuids),
    // Enterprise policy from a test file (3rdparty → storage.managed). Firefox honours this
    // pref only "in automation": with this pref and MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 set.
    'browser.policies.alternatePath': options.policiesPath,
    'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
  };
}
