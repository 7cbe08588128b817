// localStorage and sessionStorage that never throw (private modes and full disks refuse writes): the game still
// works, only what the store would have kept is lost.
function safeStore(area) {
  return {
    get(key) {
      try {
        return globalThis[area]?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        globalThis[area]?.setItem(key, value);
      } catch {
        // only resuming (or not typing again) is lost
      }
    },
    remove(key) {
      try {
        globalThis[area]?.removeItem(key);
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
}

export const storage = safeStore('localStorage');
