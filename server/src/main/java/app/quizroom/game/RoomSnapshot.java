package app.quizroom.game;

import java.util.List;

/**
 * What a new owner needs to run a room on from where it was: the game's identity and options, the phase and the
 * question with its timing, the seats (token hashes only), the teams, scores and streaks, the kicked players and
 * the host key's hash. Taken by {@link Room#snapshot()} at each phase change (cluster mode saves it in the
 * database); a room is built again from it and the answers already stored by {@link Room#restore}. Times are
 * durations from the moment it was taken, so that it means the same on another machine's clock.
 *
 * @param questionIds   the bank's question ids in the order the game plays them (checked on restore: a bank edited
 *                      since would replay other questions)
 * @param question      the current question's index, or -1 before the first
 * @param remainingMs   in intro, talk or answering: the time left on the phase's clock (frozen while paused)
 * @param answeringMs   in answering: how long answers had been open (response times go on from it)
 * @param finalsOut     at the podium: whether each player's final standing went out
 * @param nextPlayerId  the id the next seat will get
 * @param players       the seats in joining order
 * @param kicked        the kicked players not let back in, in the order kicked
 * @param teams         the teams still in play (null in an individual game)
 */
public record RoomSnapshot(String pin, String bankId, List<String> questionIds, GameOptions options, long seed,
                           String hostTokenHash, Phase phase, int question, boolean paused, long remainingMs,
                           long answeringMs, boolean finalsOut, boolean locked, int nextPlayerId, List<Seat> players,
                           List<Seat> kicked, List<TeamState> teams) {

    /**
     * One seat: who, their team's id (null without teams), their device token (null if none) and their standing.
     *
     * @param joinedMsAgo how long before the snapshot the seat was taken
     */
    public record Seat(int id, String name, String nameKey, String seatTokenHash, int joinOrder, long joinedMsAgo,
                       String device, Integer team, int score, int streak, int correctCount, long correctTimeMs,
                       int lastGained, int lastBonus, int rank, Integer previousRank) {
    }

    /** One team and its scores. */
    public record TeamState(int id, String name, String colour, double score, double correct, double correctTimeMs,
                            double lastGained, int rank, Integer previousRank) {
    }

    /** An answer the store kept, as it was stored (displayed indices); the restore reads it in bank terms. */
    public record StoredAnswer(int question, int playerId, GameRecorder.GivenAnswer given, long responseMs,
                               double credit) {
    }
}
