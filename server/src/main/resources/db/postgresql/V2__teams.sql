-- Version 2: team play. Players may belong to a team; a game records its team mode.
ALTER TABLE players ADD COLUMN team TEXT;
ALTER TABLE games ADD COLUMN team_mode TEXT;
