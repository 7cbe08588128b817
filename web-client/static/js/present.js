// Pure helpers that turn state into what the screens show: option marks, numbers and ranks in words, the
// reveal's pictures, a result's headline. No DOM.

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
export const SHAPES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'];

/** The letter and shape that stand for displayed option `i` on every screen. */
export function mark(i) {
  return { letter: LETTERS[i] ?? String(i + 1), shape: SHAPES[i % SHAPES.length] };
}

export function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
}

export function formatNumber(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** An answer value: years and other 4-digit numbers stay as typed (1922), bigger ones are grouped (340,000). */
export function formatValue(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  return n.toLocaleString('en-US', { maximumFractionDigits: 3, useGrouping: Math.abs(n) >= 10000 });
}

export function points(n) {
  return `${formatNumber(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

/** How a player moved since the previous ranking. */
export function climb(standing) {
  if (standing.previousRank == null) return { dir: 'new', by: 0 };
  const by = standing.previousRank - standing.rank;
  return by > 0 ? { dir: 'up', by } : by < 0 ? { dir: 'down', by: -by } : { dir: 'same', by: 0 };
}

// ---------------------------------------------------------------- reveal pictures

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

/** The headline of a phone's result screen. */
export function verdict(result) {
  if (result.questionType === 'poll') return { kind: 'poll', text: result.answered ? 'Vote counted' : 'No vote' };
  if (!result.answered) return { kind: 'none', text: 'No answer' };
  if (result.correct) return { kind: 'correct', text: 'Correct' };
  if (result.credit > 0) return { kind: 'partial', text: 'Partly right' };
  return { kind: 'wrong', text: 'Wrong' };
}

/** "Behind Alice by 120 points", or a word for the leader. */
export function aheadText(result) {
  if (result.rank === 1) return result.playerCount > 1 ? 'You are in the lead' : 'You are the only player';
  if (!result.ahead) return '';
  if (result.ahead.gap === 0) return `Level with ${result.ahead.name}`;
  return `${points(result.ahead.gap)} behind ${result.ahead.name}`;
}

/** The right answer in words for the phone (letters when the teacher hides text on phones); a list for ordering. */
export function solutionText(result, options) {
  const sol = result.solution ?? {};
  const label = (i) => (options?.[i] ? `${mark(i).letter}: ${options[i]}` : mark(i).letter);
  if (result.questionType === 'numeric' && sol.value != null) {
    return sol.tolerance ? `${formatValue(sol.value)} (± ${formatValue(sol.tolerance)})` : formatValue(sol.value);
  }
  if (result.questionType === 'order' && sol.order) return sol.order.map(label);
  if (sol.correct && sol.correct.length) return sol.correct.map(label).join(', ');
  return null;
}
