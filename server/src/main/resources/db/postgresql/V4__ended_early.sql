-- Version 4: whether the host ended the game before its last question closed (its report says "ended early").
ALTER TABLE games ADD COLUMN ended_early INTEGER NOT NULL DEFAULT 0;
-- Games stored before this version: those that finished after starting, with fewer questions shown than the bank
-- had, were ended early by the host.
UPDATE games SET ended_early = 1
    WHERE status = 'finished' AND started_at IS NOT NULL
    AND (SELECT count(*) FROM game_questions q WHERE q.game_id = games.id) < question_count;
