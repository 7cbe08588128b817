-- Version 3: the seed each game's shuffles derive from, and the kind of thinking each question tests.
ALTER TABLE games ADD COLUMN shuffle_seed BIGINT;
ALTER TABLE game_questions ADD COLUMN skill TEXT;
