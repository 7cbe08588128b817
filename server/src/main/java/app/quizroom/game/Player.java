package app.quizroom.game;

import app.quizroom.scoring.Ranked;

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
    final String seatToken;
    final int joinOrder;

    // Written by Roster: the connection holding the seat, whether the seat was taken away, when it was taken (server
    // clock) and the device token of the phone that took it (null if it sent none).
    Link link;
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
        this.id = id;
        this.name = name;
        this.nameKey = nameKey;
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
