import test from 'node:test';
import assert from 'node:assert/strict';
import { changeCheck } from '../static/js/shared/dom.js';

test('a view draws a part the first time, then only when what it shows changed', () => {
  const rowsChanged = changeCheck();
  assert.equal(rowsChanged([{ name: 'Ann', score: 0 }]), true);
  assert.equal(rowsChanged([{ name: 'Ann', score: 0 }]), false, 'an equal value made anew is not a change');
  assert.equal(rowsChanged([{ name: 'Ann', score: 950 }]), true);
  assert.equal(rowsChanged([{ name: 'Ann', score: 950 }]), false);
  assert.equal(rowsChanged([]), true);
});

test('each part keeps its own memory of what it last showed', () => {
  const title = changeCheck();
  const count = changeCheck();
  assert.equal(title('Question 1'), true);
  assert.equal(count(3), true);
  assert.equal(title('Question 1'), false);
  assert.equal(count(4), true);
  assert.equal(count(undefined), true, 'a part that goes empty is drawn again');
  assert.equal(count(undefined), false);
});
