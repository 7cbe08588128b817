import test from 'node:test';
import assert from 'node:assert/strict';
import { teamColour } from '../static/js/shared/teams.js';
import { teamColumns, teamsRequest, parseTeamNames, lobbyTeamHint } from '../static/js/host/teams.js';
import { teamStandingText } from '../static/js/phone/words.js';

const teams = [{ id: 1, name: 'Red team', colour: 'red' }, { id: 2, name: 'Blue team', colour: 'blue' }];
const players = [{ id: 1, name: 'Ann', team: 1 }, { id: 2, name: 'Bob', team: 2 }, { id: 3, name: 'Cy', team: 1 }];

test('lobby columns list each team with its members in join order, counted from the players', () => {
  const cols = teamColumns(teams, players, 2);
  assert.deepEqual(cols.map((c) => [c.name, c.members.map((p) => p.name), c.size, c.full]),
    [['Red team', ['Ann', 'Cy'], 2, true], ['Blue team', ['Bob'], 1, false]]);
  assert.equal(teamColumns(teams, players, null)[0].full, false, 'no cap, never full');
});

test('an unknown colour key is shown grey rather than not at all', () => {
  assert.equal(teamColour('blue'), 'blue');
  assert.equal(teamColour('ultraviolet'), 'grey');
  assert.equal(teamColour(undefined), 'grey');
});

test('an individual game sends no teams', () => {
  assert.deepEqual(teamsRequest({ mode: 'individual', count: '4' }), { teams: null });
});

test('a number of teams, automatic, no talk', () => {
  assert.deepEqual(teamsRequest({ mode: 'teams', count: '3', names: '', pick: false, cap: '8', talk: '' }),
    { teams: { playersPick: false, count: 3, talkSeconds: 0 } }, 'a cap is only sent when players pick');
});

test('typed names win over the number; players pick with a cap and team talk', () => {
  assert.deepEqual(teamsRequest({ mode: 'teams', count: '4', names: ' Reds ,Blues\nGreens ', pick: true, cap: '5', talk: '20' }),
    { teams: { playersPick: true, names: ['Reds', 'Blues', 'Greens'], cap: 5, talkSeconds: 20 } });
});

test('team options out of range are refused in words before anything is sent', () => {
  assert.match(teamsRequest({ mode: 'teams', names: 'Solo', talk: '0' }).error, /2 to 10 team names/);
  assert.match(teamsRequest({ mode: 'teams', names: 'Reds, REDS', talk: '0' }).error, /given twice/);
  assert.match(teamsRequest({ mode: 'teams', count: '11', names: '', talk: '0' }).error, /2 to 10 teams/);
  assert.match(teamsRequest({ mode: 'teams', count: '2', names: '', pick: true, cap: '0', talk: '0' }).error, /most players/);
  assert.match(teamsRequest({ mode: 'teams', count: '2', names: '', talk: '121' }).error, /0 to 120/);
  assert.match(teamsRequest({ mode: 'teams', count: '2', names: '', talk: '2.5' }).error, /whole number/);
});

test('typed names are split on commas, semicolons and lines, with spaces tidied', () => {
  assert.deepEqual(parseTeamNames('Les  Bleus; Reds,\n\n Greens '), ['Les Bleus', 'Reds', 'Greens']);
  assert.deepEqual(parseTeamNames(''), []);
});

test('a team standing in words for the phone', () => {
  assert.equal(teamStandingText({ name: 'Blue team', rank: 1, score: 1982 }, 2), 'Blue team: 1st of 2 with 1,982 points');
  assert.equal(teamStandingText(null, 2), '');
});

test('the lobby hint says how players get a team, and what to do while moving one', () => {
  assert.match(lobbyTeamHint({ playersPick: true }, null), /choose their team/);
  assert.match(lobbyTeamHint({ playersPick: false }, null), /smallest team/);
  assert.match(lobbyTeamHint({}, { name: 'Cy' }), /\u2068Cy\u2069’s new team/, 'the name is isolated from the sentence');
});
