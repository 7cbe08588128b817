package app.quizroom.game;

import app.quizroom.scoring.Ranked;

import java.util.HashMap;
import java.util.Map;

/** A seat in a room. Owned by its room and touched only on the room's context. */
final class Player implements Ranked {

    final int id;
    final String name;
    final String nameKey;
    final String seatToken;
    final int joinOrder;

    Link link;
    boolean kicked;
    /** Null in an individual game. */
    Team team;
    int score;
    int streak;
    int correctCount;
    long correctTimeMs;
    int lastGained;
    int rank;
    Integer previousRank;
    /** Answers by question index. */
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
