-- Version 5: the node that runs each game, so that a node starting again marks as interrupted only the games it
-- left running (in an SQLite file every game is the node's own; the column is kept for the same reports).
ALTER TABLE games ADD COLUMN owner_node TEXT;
