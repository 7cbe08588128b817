// The games this browser's projector created, kept in localStorage with their host keys so that the reports page
// can open them later; the link to a game's report. No DOM.

export const GAMES_KEY = 'quizroom.games';
export const MAX_REMEMBERED = 100;

/**
 * Adds a game the projector created to the kept list: newest first, one entry per game, at most `max` entries.
 * entry: { gameId, pin, hostToken, bank, createdAt }.
 */
export function rememberGame(list, entry, max = MAX_REMEMBERED) {
  const id = String(entry.gameId);
  const kept = (Array.isArray(list) ? list : []).filter((g) => g && String(g.gameId) !== id && g.hostToken);
  return [{ ...entry, gameId: id }, ...kept].slice(0, max);
}

/** The kept entries that look usable (a stored list may be old or damaged). */
export function validGames(list) {
  return (Array.isArray(list) ? list : []).filter((g) => g && typeof g.hostToken === 'string' && /^\d+$/.test(String(g.gameId)));
}

/** The host key kept for game `id`, or null. */
export function hostKeyFor(list, id) {
  return validGames(list).find((g) => String(g.gameId) === String(id))?.hostToken ?? null;
}

/** The link to one game's report. */
export function reportLink(id) {
  return `/reports#game=${id}`;
}
