import test from 'node:test';
import assert from 'node:assert/strict';
import { choiceBars, orderRows, numericBars, commonMistake, climb, explainColumns } from '../static/js/host/charts.js';
import { ordinal, mark } from '../static/js/shared/present.js';

test('every option has a letter and a shape as well as a colour slot', () => {
  assert.deepEqual(mark(0), { letter: 'A', shape: 'triangle' });
  assert.deepEqual(mark(5), { letter: 'F', shape: 'hexagon' });
});

test('choice bars mark the right options and scale to the largest count', () => {
  const bars = choiceBars({ questionType: 'multi', solution: { correct: [0, 2] }, stats: { counts: [4, 2, 1] } }, ['a', 'b', 'c']);
  assert.deepEqual(bars.map((b) => [b.letter, b.count, b.correct, b.share]), [['A', 4, true, 1], ['B', 2, false, 0.5], ['C', 1, true, 0.25]]);
});

test('a poll marks nothing right', () => {
  const bars = choiceBars({ questionType: 'poll', solution: {}, stats: { counts: [1, 2] } }, null);
  assert.ok(bars.every((b) => !b.correct));
});

test('order rows list the items in the right order with how many placed each right', () => {
  const rows = orderRows({ solution: { order: [2, 0, 1] }, stats: { counts: [1, 3, 2] }, answered: 4 }, ['x', 'y', 'z']);
  assert.deepEqual(rows.map((r) => [r.place, r.text, r.count]), [[1, 'z', 2], [2, 'x', 1], [3, 'y', 3]]);
  assert.equal(rows[0].share, 0.5);
});

test('a few numeric values get a bar each, right ones marked within the tolerance', () => {
  const bars = numericBars([{ value: 1922, count: 1 }, { value: 1923, count: 3 }, { value: 1930, count: 1 }], { value: 1923, tolerance: 1 });
  assert.deepEqual(bars.map((b) => [b.label, b.count, b.correct]), [['1922', 1, true], ['1923', 3, true], ['1930', 1, false]]);
});

test('many numeric values are grouped into bins', () => {
  const values = Array.from({ length: 30 }, (_, i) => ({ value: i * 10, count: 1 }));
  const bars = numericBars(values, { value: 5, tolerance: 0 }, 10);
  assert.equal(bars.length, 10);
  assert.equal(bars.reduce((n, b) => n + b.count, 0), 30);
  assert.ok(bars.every((b) => !b.correct));
});

test('the most chosen wrong option with an explanation is picked out', () => {
  const m = commonMistake({ questionType: 'single', solution: { correct: [0] }, stats: { counts: [5, 1, 3] },
    optionExplanations: [null, 'why b', 'why c'] }, ['a', 'b', 'c']);
  assert.equal(m.letter, 'C');
  assert.equal(m.explanation, 'why c');
});

test('climbers and ordinals', () => {
  assert.deepEqual(climb({ rank: 1, previousRank: 3 }), { dir: 'up', by: 2 });
  assert.deepEqual(climb({ rank: 3, previousRank: 1 }), { dir: 'down', by: 2 });
  assert.deepEqual(climb({ rank: 1 }), { dir: 'new', by: 0 });
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 111].map(ordinal),
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '111th']);
});

test('the explanation and the most chosen wrong answer share the width by length, neither under a third', () => {
  const share = (cols) => cols.match(/[\d.]+fr/g).map(parseFloat);
  assert.deepEqual(share(explainColumns(300, 100)), [0.667, 0.333]);
  assert.deepEqual(share(explainColumns(100, 100)), [0.5, 0.5]);
  assert.deepEqual(share(explainColumns(60, 240)), [0.333, 0.667]);
  assert.deepEqual(share(explainColumns(0, 0)), [0.333, 0.667]);
});
