// The few `chrome.*` calls the demo scripts make inside the extension's service worker
// (through Playwright's worker.evaluate), typed: Node scripts have no extension types.
export interface WorkerChrome {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string }[]>;
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
      }[],
    ): Promise<void>;
  };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
}
