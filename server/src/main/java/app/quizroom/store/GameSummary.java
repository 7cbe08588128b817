package app.quizroom.store;

/**
 * One stored game as the reports list it: the row of {@code games} and its count of players not kicked.
 * {@code startedAt} and {@code endedAt} are null until the game starts or ends; {@code endedEarly} is true when the
 * host ended it before its last question closed; {@code settingsJson} is read only for a single game's report (null
 * in lists); {@code takenOverAt} and {@code takenOverBy} are when and by which node a cluster took the game over after
 * its node stopped, and {@code takenOverCause} why: {@code reconnect}, {@code successor} or {@code planned} (null for a
 * game one node ran throughout, and for one taken over before schema version 7).
 */
record GameSummary(long id, String pin, String bankId, String bankTitle, long createdAt, Long startedAt,
                   Long endedAt, String status, boolean endedEarly, int questionCount, int unsavedCount,
                   int playerCount, Long takenOverAt, String takenOverBy, String takenOverCause,
                   String settingsJson) {
}
