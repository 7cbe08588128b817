-- Version 7: why another node took the game over (cluster mode): 'reconnect' (the host or a player came back to it
-- after the owner left the cluster), 'successor' (it was the room's successor when the owner left) or 'planned'
-- (the owner, draining, handed the room over). Null for a game one node ran throughout, and for a game taken over
-- before version 7.
ALTER TABLE games ADD COLUMN taken_over_cause TEXT;
