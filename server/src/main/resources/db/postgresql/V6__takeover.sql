-- Version 6: a game another node took over when its own stopped (cluster mode): when, and by which node.
-- The report says so; both stay null for a game one node ran from start to end.
ALTER TABLE games ADD COLUMN taken_over_at BIGINT;
ALTER TABLE games ADD COLUMN taken_over_by TEXT;
