// A question's picture ({url, alt} in the question and reveal frames): shown with its words for screen readers,
// hidden when the question has none.
import { h, setAttr, setHidden } from './dom.js';

export function mountPicture(className, testId) {
  const el = h('img', { class: className, alt: '', hidden: true, 'data-testid': testId });
  return {
    el,
    update(image) {
      setAttr(el, 'src', image?.url ?? null);
      setAttr(el, 'alt', image?.alt ?? '');
      setHidden(el, !image?.url);
    },
  };
}
