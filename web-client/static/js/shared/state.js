// Pure question state shared by the projector and the phone: a question frame as the views use it, its phase
// changes, and its countdown. No DOM, no sockets, no clocks (callers pass `now`), so that all of it runs under
// `node --test`.

/** A question frame as the views use it, with the moment its countdown ends. */
export function question(msg, now) {
  return {
    index: msg.index,
    count: msg.count,
    type: msg.questionType,
    prompt: msg.prompt ?? null,
    options: msg.options ?? null,
    optionCount: msg.optionCount,
    points: msg.points,
    timeLimitMs: msg.timeLimitMs,
    phase: msg.phase,
    unit: msg.unit ?? null,
    image: msg.image ?? null,
    paused: !!msg.paused,
    remainingMs: msg.remainingMs,
    endsAt: now + msg.remainingMs,
  };
}

export function openAnswers(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: 'answering', timeLimitMs: msg.timeLimitMs, remainingMs: msg.remainingMs,
    endsAt: now + msg.remainingMs, paused: false };
}

export function startTalk(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: 'talk', remainingMs: msg.remainingMs, endsAt: now + msg.remainingMs, paused: false };
}

export function pauseChange(q, msg, now) {
  if (!q || q.index !== msg.index) return q;
  return { ...q, phase: msg.phase, paused: msg.paused, remainingMs: msg.remainingMs, endsAt: now + msg.remainingMs };
}

/** Milliseconds left on a question's countdown (frozen while paused). */
export function remainingMs(q, now) {
  if (!q) return 0;
  if (q.paused) return Math.max(0, q.remainingMs);
  return Math.max(0, q.endsAt - now);
}

/** Whole seconds shown on the countdown: 20 at the start of a 20 s question, 1 in its last second. */
export function secondsLeft(q, now) {
  return Math.ceil(remainingMs(q, now) / 1000);
}

/** Share of the answering time left, 1 → 0, for the countdown bar. */
export function timeFraction(q, now) {
  if (!q) return 0;
  if (q.phase !== 'answering') return 1;
  return q.timeLimitMs > 0 ? Math.min(1, remainingMs(q, now) / q.timeLimitMs) : 0;
}
