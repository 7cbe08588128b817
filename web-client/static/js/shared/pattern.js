// Two-step join: the pattern of tile shapes a phone taps after the PIN, as the projector shows it. No DOM.
import { SHAPES } from './present.js';

/** A pattern has this many taps, each one of the first four tile shapes (0 triangle, 1 diamond, 2 circle, 3 square). */
export const PATTERN_LENGTH = 4;
export const PATTERN_SHAPES = SHAPES.slice(0, 4);

/** A shape's name as a button or a screen reader says it: "Triangle". */
export function shapeWord(i) {
  const word = PATTERN_SHAPES[i] ?? '';
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A pattern in words: "triangle, circle, square, diamond". */
export function patternWords(pattern) {
  return (pattern ?? []).map((i) => PATTERN_SHAPES[i]).join(', ');
}
