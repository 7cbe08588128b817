// localStorage that never throws (private modes and full disks refuse writes).
export const storage = {
  get(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // the game still works; only resuming after a reload is lost
    }
  },
  remove(key) {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // nothing to do
    }
  },
  getJson(key) {
    try {
      return JSON.parse(this.get(key) ?? 'null');
    } catch {
      return null;
    }
  },
  setJson(key, value) {
    this.set(key, JSON.stringify(value));
  },
};

// sessionStorage, the same way: for what must not outlive the tab (the teacher password).
export const sessionStore = {
  get(key) {
    try {
      return globalThis.sessionStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      globalThis.sessionStorage?.setItem(key, value);
    } catch {
      // only the convenience of not typing it again is lost
    }
  },
};
