// The teacher password as this browser keeps it for the teacher's pages (the projector's setup, the bank editor, the
// reports): remembered once typed, so that a teacher on their own laptop types it once, and forgotten when the server
// refuses it. A page's state steps for it are in teacher.js.
import { storage } from './storage.js';

const PASSWORD_KEY = 'quizroom.teacherPassword';

/** The password this browser remembers, or null. */
export function rememberedPassword() {
  return storage.get(PASSWORD_KEY);
}

/** Remembers a typed password (an empty one is not kept). */
export function rememberPassword(password) {
  if (password) storage.set(PASSWORD_KEY, password);
}

/** Forgets the remembered password: the server refused it. */
export function forgetPassword() {
  storage.remove(PASSWORD_KEY);
}

/**
 * What a desk page (the bank editor, the reports) does with a password the teacher types: `step` takes it into the
 * page's state, it is remembered, and `reload` asks the server again with it.
 */
export function typedPassword(step, reload) {
  return (password) => {
    step({ type: 'password', password });
    rememberPassword(password);
    reload();
  };
}

/** Whether the server asks this computer for the teacher password (`/api/options`; not on its own computer). */
export async function passwordRequired() {
  const res = await fetch('/api/options', { cache: 'no-store' });
  return !!(await res.json())?.passwordRequired;
}
