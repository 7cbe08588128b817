-- Version 1: games, their questions as played, players, accepted answers, per-question scores.
-- The same tables and columns as the SQLite file's db/V1__results.sql; times are epoch milliseconds.
CREATE TABLE games (
    id              BIGINT  PRIMARY KEY,
    pin             TEXT    NOT NULL,
    bank_id         TEXT    NOT NULL,
    bank_title      TEXT    NOT NULL,
    settings_json   TEXT    NOT NULL,
    host_key_hash   TEXT    NOT NULL,
    question_count  INTEGER NOT NULL,
    created_at      BIGINT  NOT NULL,
    started_at      BIGINT,
    ended_at        BIGINT,
    status          TEXT    NOT NULL,   -- lobby | running | finished | interrupted
    unsaved_count   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE game_questions (
    game_id         BIGINT  NOT NULL REFERENCES games(id),
    idx             INTEGER NOT NULL,
    question_id     TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    prompt          TEXT    NOT NULL,
    options_json    TEXT    NOT NULL,   -- texts as displayed
    solution_json   TEXT    NOT NULL,   -- in displayed indices
    points          INTEGER NOT NULL,
    time_limit_ms   BIGINT  NOT NULL,
    explanation     TEXT,
    option_explanations_json TEXT,
    PRIMARY KEY (game_id, idx)
);
CREATE TABLE players (
    game_id         BIGINT  NOT NULL REFERENCES games(id),
    player_id       INTEGER NOT NULL,
    nickname        TEXT    NOT NULL,
    joined_at       BIGINT  NOT NULL,
    kicked          INTEGER NOT NULL DEFAULT 0,
    final_rank      INTEGER,
    final_score     INTEGER,
    PRIMARY KEY (game_id, player_id)
);
CREATE TABLE answers (
    game_id         BIGINT  NOT NULL REFERENCES games(id),
    question_idx    INTEGER NOT NULL,
    player_id       INTEGER NOT NULL,
    answer_json     TEXT    NOT NULL,   -- as sent, in displayed indices
    response_ms     BIGINT  NOT NULL,
    credit          DOUBLE PRECISION NOT NULL,
    accepted_at     BIGINT  NOT NULL,
    PRIMARY KEY (game_id, question_idx, player_id)
);
CREATE TABLE scores (
    game_id         BIGINT  NOT NULL REFERENCES games(id),
    question_idx    INTEGER NOT NULL,
    player_id       INTEGER NOT NULL,
    points          INTEGER NOT NULL,
    bonus           INTEGER NOT NULL,
    total           INTEGER NOT NULL,
    rank            INTEGER NOT NULL,
    PRIMARY KEY (game_id, question_idx, player_id)
);
CREATE INDEX games_by_creation ON games(created_at DESC);
