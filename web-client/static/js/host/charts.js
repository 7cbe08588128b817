// Pure pictures of the projector's reveal and leaderboard: bars per option, the right order, a histogram of numbers,
// the most chosen wrong answer, who climbed and how the rows move. No DOM.
import { mark, formatValue } from '../shared/present.js';

/** How a player moved since the previous ranking. */
export function climb(standing) {
  if (standing.previousRank == null) return { dir: 'new', by: 0 };
  const by = standing.previousRank - standing.rank;
  return by > 0 ? { dir: 'up', by } : by < 0 ? { dir: 'down', by: -by } : { dir: 'same', by: 0 };
}

/**
 * How the leaderboard's rows move into place: for each standing, in the order shown, the row it held among these
 * same standings by the previous ranking (`from`) and the row it holds now (`to`). Standings new to the ranking
 * come from the bottom, in their new order.
 */
export function rankMoves(standings) {
  const before = standings.map((s, i) => ({ i, prev: s.previousRank ?? Infinity }))
    .sort((a, b) => a.prev - b.prev || a.i - b.i);
  const from = new Array(standings.length);
  before.forEach((x, row) => { from[x.i] = row; });
  return standings.map((s, i) => ({ from: from[i], to: i }));
}

/** Bars for a choice or poll question: one per displayed option. */
export function choiceBars(reveal, options) {
  const counts = reveal.stats?.counts ?? [];
  const correct = new Set(reveal.solution?.correct ?? []);
  const max = Math.max(1, ...counts);
  return counts.map((count, i) => ({
    ...mark(i), index: i, text: options?.[i] ?? null, count, share: count / max,
    correct: reveal.questionType !== 'poll' && correct.has(i),
  }));
}

/** Rows for an ordering question: the items in the right order, each with how many placed it right. */
export function orderRows(reveal, options) {
  const counts = reveal.stats?.counts ?? [];
  const order = reveal.solution?.order ?? [];
  const max = Math.max(1, reveal.answered ?? 0, ...counts);
  return order.map((displayed, place) => ({
    ...mark(displayed), place: place + 1, index: displayed, text: options?.[displayed] ?? null,
    count: counts[displayed] ?? 0, share: (counts[displayed] ?? 0) / max,
  }));
}

function within(value, solution) {
  if (!solution || solution.value == null) return false;
  return Math.abs(value - solution.value) <= (solution.tolerance ?? 0) + 1e-9;
}

/**
 * A histogram of numeric answers. Few distinct values get a bar each; many are grouped into equal bins.
 * A bar is `correct` when every value in it is within the tolerance of the answer.
 */
export function numericBars(values, solution, maxBars = 10) {
  const list = (values ?? []).filter((v) => Number.isFinite(v.value));
  if (list.length === 0) return [];
  const most = (bars) => Math.max(1, ...bars.map((b) => b.count));
  if (list.length <= maxBars) {
    const bars = list.map((v) => ({ label: formatValue(v.value), from: v.value, to: v.value, count: v.count,
      correct: within(v.value, solution) }));
    const m = most(bars);
    return bars.map((b) => ({ ...b, share: b.count / m }));
  }
  const lo = list[0].value;
  const hi = list[list.length - 1].value;
  const width = (hi - lo) / maxBars;
  const bars = [];
  for (let i = 0; i < maxBars; i++) {
    const from = lo + i * width;
    const to = i === maxBars - 1 ? hi : lo + (i + 1) * width;
    bars.push({ from, to, count: 0, all: true, any: false });
  }
  for (const v of list) {
    const i = Math.min(maxBars - 1, Math.floor((v.value - lo) / width));
    bars[i].count += v.count;
    bars[i].any = true;
    bars[i].all = bars[i].all && within(v.value, solution);
  }
  const m = most(bars);
  return bars.map((b) => ({ label: `${formatValue(round(b.from))}–${formatValue(round(b.to))}`, from: b.from,
    to: b.to, count: b.count, correct: b.any && b.all, share: b.count / m }));
}

function round(x) {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
}

/** The most chosen wrong option that has its own explanation, for the reveal. */
export function commonMistake(reveal, options) {
  const why = reveal.optionExplanations;
  const counts = reveal.stats?.counts;
  if (!why || !counts || reveal.questionType === 'poll') return null;
  const correct = new Set(reveal.solution?.correct ?? []);
  let best = -1;
  counts.forEach((c, i) => {
    if (!correct.has(i) && why[i] && c > 0 && (best < 0 || c > counts[best])) best = i;
  });
  return best < 0 ? null : { ...mark(best), text: options?.[best] ?? null, count: counts[best], explanation: why[best] };
}

/**
 * The reveal's columns for the explanation and the most chosen wrong answer's (lengths `a` and `b` in characters):
 * each as wide as its share of the words, neither under a third, so that neither box runs much longer.
 */
export function explainColumns(a, b) {
  const share = Math.min(2 / 3, Math.max(1 / 3, a / Math.max(1, a + b)));
  return `minmax(0, ${share.toFixed(3)}fr) minmax(0, ${(1 - share).toFixed(3)}fr)`;
}
