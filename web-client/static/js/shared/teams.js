// Team colours and counts in words, for every page. A team is always shown by its name next to its colour, never by
// the colour alone. No DOM.

export const TEAM_COLOURS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'teal', 'pink', 'grey', 'brown'];

/** The palette key to colour a team with (an unknown key falls back to grey). */
export function teamColour(key) {
  return TEAM_COLOURS.includes(key) ? key : 'grey';
}

/** "3 players" or "1 player". */
export function playerCount(n) {
  return `${n} ${n === 1 ? 'player' : 'players'}`;
}
