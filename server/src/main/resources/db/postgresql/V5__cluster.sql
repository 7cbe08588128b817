-- Version 5: several nodes on one database.
-- The node that runs each game: a node starting again marks as interrupted only the games it left running.
ALTER TABLE games ADD COLUMN owner_node TEXT;
-- Each store takes a slot when it starts; game ids carry it (id = milliseconds * 1024 + slot), so two nodes that
-- create games in the same millisecond never draw the same id.
CREATE SEQUENCE quizroom_id_slots MINVALUE 0 MAXVALUE 1023 START WITH 0 CYCLE;
-- One row per live room: its PIN is unique among live rooms whatever the cluster's map says, and its epoch fences
-- its owner (a node that takes the room over raises it; a write of the holder of an older epoch is refused).
CREATE TABLE live_rooms (
    pin             TEXT    PRIMARY KEY,
    node            TEXT    NOT NULL,
    game_id         BIGINT,
    epoch           BIGINT  NOT NULL DEFAULT 1,
    state_json      TEXT,
    taken_at        BIGINT  NOT NULL
);
