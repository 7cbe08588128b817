package app.quizroom.game;

import app.quizroom.scoring.Ranked;
import app.quizroom.support.Tokens;

import java.util.HashMap;
import java.util.Map;

/**
 * A seat in a room. Owned by its room and touched only on the room's context. Each group of mutable fields has
 * one writer, named at the group: the others only read it.
 */
final class Player implements Ranked {

    final int id;
    final String name;
    final String nameKey;
    /** The SHA-256 of the seat token ({@link app.quizroom.support.Tokens#hash}): what the room matches a rejoin by. */
    final String seatTokenHash;
    final int joinOrder;

    /**
     * Written by Roster: the seat token itself, sent back in the player's snapshot. Null in a room restored from a
     * saved state (which keeps only hashes) until the phone rejoins with it.
     */
    String seatToken;

    // Written by Roster: the connection holding the seat, whether the seat was taken away, when it was taken (server
    // clock) and the device token of the phone that took it (null if it sent none). The link is volatile: the
    // store's thread reads it to send an answer's acknowledgement once the answer is on disk.
    volatile Link link;
    boolean kicked;
    long joinedAt;
    String device;

    /** Written by Teams. Null in an individual game. */
    Team team;

    // Written by Scoreboard, when a question closes and when it ranks.
    int score;
    int streak;
    int correctCount;
    long correctTimeMs;
    /** Points of the question scored last, streak bonus included. */
    int lastGained;
    /** The streak bonus within {@link #lastGained}. */
    int lastBonus;
    int rank;
    Integer previousRank;

    /** Written by AnswerDesk: accepted answers by question index. */
    final Map<Integer, AnswerRecord> answers = new HashMap<>();

    Player(int id, String name, String nameKey, String seatToken, int joinOrder) {
        this(id, name, nameKey, Tokens.hash(seatToken), joinOrder, seatToken);
    }

    /** A seat restored from a saved state: only the token's hash is known. */
    Player(int id, String name, String nameKey, String seatTokenHash, int joinOrder, String seatToken) {
        this.id = id;
        this.name = name;
        this.nameKey = nameKey;
        this.seatTokenHash = seatTokenHash;
        this.seatToken = seatToken;
        this.joinOrder = joinOrder;
    }

    boolean connected() {
        return link != null;
    }

    @Override
    public int score() {
        return score;
    }

    @Override
    public int correctCount() {
        return correctCount;
    }

    @Override
    public long correctTimeMs() {
        return correctTimeMs;
    }

    @Override
    public int joinOrder() {
        return joinOrder;
    }
}
