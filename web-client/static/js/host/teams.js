// Pure helpers for the projector's team games: the start screen's team options and the lobby's columns. No DOM.
import { teamColour } from '../shared/teams.js';
import { isolate } from '../shared/present.js';

export const MIN_TEAMS = 2;
export const MAX_TEAMS = 10;
export const MAX_TALK_SECONDS = 120;

/**
 * The projector lobby's columns: every team with its members (in join order), its size and whether it is full.
 * Sizes are counted from the players, so they stay right after moves that the server reports one player at a time.
 */
export function teamColumns(teams, players, cap = null) {
  return (teams ?? []).map((t) => {
    const members = (players ?? []).filter((p) => p.team === t.id);
    return { id: t.id, name: t.name, colour: teamColour(t.colour), members, size: members.length,
      full: cap != null && members.length >= cap };
  });
}

/** Splits typed team names ("Reds, Blues" or one a line) into a clean list. */
export function parseTeamNames(text) {
  return String(text ?? '').split(/[\n,;]/).map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length > 0);
}

function wholeNumber(text) {
  const t = String(text ?? '').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * The `teams` field of POST /api/games from the start screen's choices, or an error in words.
 * form: { mode: 'individual' | 'teams', count, names (typed text), pick (boolean), cap (text), talk (text) }.
 * Returns { teams } (null for an individual game) or { error }.
 */
export function teamsRequest(form) {
  if (form.mode !== 'teams') return { teams: null };
  const names = parseTeamNames(form.names);
  const teams = { playersPick: !!form.pick };
  if (names.length > 0) {
    if (names.length < MIN_TEAMS || names.length > MAX_TEAMS) {
      return { error: `Type ${MIN_TEAMS} to ${MAX_TEAMS} team names, separated by commas, or leave the names empty.` };
    }
    const keys = new Set();
    for (const n of names) {
      const key = n.toLowerCase().replace(/\s/g, '');
      if (keys.has(key)) return { error: `The team name “${n}” is given twice.` };
      keys.add(key);
    }
    teams.names = names;
  } else {
    const count = wholeNumber(form.count);
    if (count == null || count < MIN_TEAMS || count > MAX_TEAMS) {
      return { error: `Choose ${MIN_TEAMS} to ${MAX_TEAMS} teams.` };
    }
    teams.count = count;
  }
  if (teams.playersPick && String(form.cap ?? '').trim() !== '') {
    const cap = wholeNumber(form.cap);
    if (cap == null || cap < 1 || cap > 10000) return { error: 'The most players per team is a whole number from 1, or empty for no limit.' };
    teams.cap = cap;
  }
  const talkText = String(form.talk ?? '').trim();
  const talk = talkText === '' ? 0 : wholeNumber(talkText);
  if (talk == null || talk > MAX_TALK_SECONDS) {
    return { error: `Team talk is a whole number of seconds from 0 to ${MAX_TALK_SECONDS}.` };
  }
  teams.talkSeconds = talk;
  return { teams };
}

/** The lobby's hint on the projector for a team game. */
export function lobbyTeamHint(settingsTeams, moving) {
  if (moving) return `Choose “Move here” in ${isolate(moving.name)}’s new team, or Cancel.`;
  const how = settingsTeams?.playersPick ? 'Players choose their team.' : 'Newcomers join the smallest team.';
  return `${how} Select a name to move that player, or ✕ to remove them.`;
}
