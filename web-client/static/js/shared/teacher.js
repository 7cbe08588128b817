// The teacher password on the desk pages (the bank editor, the reports): whether the server asks for one, the one
// typed, and the header that carries it. No DOM.

/** The password's steps in a desk page's state: the server said whether one is needed, or the teacher typed one. */
export function teacherReduce(s, a) {
  switch (a.type) {
    case 'options':
      return { ...s, passwordRequired: a.passwordRequired };
    case 'password':
      return { ...s, password: a.password || null };
    default:
      return s;
  }
}

/** Adds the teacher password, when one is typed, to a request's headers; returns them. */
export function withPassword(headers, password) {
  if (password) headers['X-Teacher-Password'] = password;
  return headers;
}
