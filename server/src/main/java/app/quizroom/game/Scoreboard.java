package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.Ranking;
import app.quizroom.scoring.Scoring;
import app.quizroom.scoring.ScoringMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Points, streaks and places: applies the scoring rules when a question closes, keeps the ranking (sorted once per
 * question, not per answer), and builds the standings that leaderboard, podium and results show. The only writer
 * of the players' score fields. Owned by the room.
 */
final class Scoreboard {

    private final GameOptions options;
    /** Null in an individual game. */
    private final Teams teams;
    private List<Player> ranking = List.of();

    Scoreboard(GameOptions options, Teams teams) {
        this.options = options;
        this.teams = teams;
    }

    /**
     * Scores question {@code run} for every player (README: classic or accuracy points, partial credit, streak
     * bonus; polls score nothing and leave streaks alone), then the teams, then ranks.
     */
    void scoreQuestion(QuestionRun run, Collection<Player> players) {
        Question q = run.question;
        boolean classic = options.scoring() == ScoringMode.CLASSIC;
        for (Player p : players) {
            p.previousRank = p.rank == 0 ? null : p.rank;
            AnswerRecord record = p.answers.get(run.index);
            p.lastGained = 0;
            p.lastBonus = 0;
            if (!Scoring.countsForStreak(q)) {
                continue;
            }
            boolean full = record != null && record.credit() >= 1;
            p.streak = full ? p.streak + 1 : 0;
            if (record == null) {
                continue;
            }
            int base = classic
                    ? Scoring.classicPoints(q.points(), record.credit(), record.responseMs(), run.timeLimitMs)
                    : Scoring.accuracyPoints(q.points(), record.credit());
            int bonus = classic && options.streakBonus() && full && q.points() > 0 ? Scoring.streakBonus(p.streak) : 0;
            p.score += base + bonus;
            p.lastGained = base + bonus;
            p.lastBonus = bonus;
            if (full) {
                p.correctCount++;
                p.correctTimeMs += record.responseMs();
            }
        }
        rank(players);
        if (teams != null) {
            teams.scoreQuestion(run.index);
            teams.rank(options.scoring());
        }
    }

    /** Sorts the players (O(N log N), once) and gives each their place. */
    void rank(Collection<Player> players) {
        List<Player> sorted = new ArrayList<>(players);
        sorted.sort(Ranking.order(options.scoring()));
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).rank = i + 1;
        }
        ranking = sorted;
        if (teams != null) {
            teams.rank(options.scoring());
        }
    }

    /** After a restore: the ranking is the players' saved places (those ranked), not sorted again. */
    void restore(Collection<Player> players) {
        ranking = players.stream().filter(p -> p.rank > 0).sorted(Comparator.comparingInt((Player p) -> p.rank))
                .toList();
    }

    /** Ranks again if players joined or left since the last ranking. */
    void rankIfStale(Collection<Player> players) {
        if (ranking.size() != players.size()) {
            rank(players);
        }
    }

    boolean ranked() {
        return !ranking.isEmpty();
    }

    int size() {
        return ranking.size();
    }

    /** The player just ahead in the ranking (from the sorted order), or null for the leader. */
    Player ahead(Player p) {
        return p.rank > 1 && p.rank - 2 < ranking.size() ? ranking.get(p.rank - 2) : null;
    }

    /** Everyone's outcome of the question scored last, in ranking order. */
    List<GameRecorder.Score> scores() {
        return ranking.stream()
                .map(p -> new GameRecorder.Score(p.id, p.lastGained, p.lastBonus, p.score, p.rank)).toList();
    }

    List<GameRecorder.Score> finalScores() {
        return ranking.stream().map(p -> new GameRecorder.Score(p.id, p.lastGained, 0, p.score, p.rank)).toList();
    }

    ServerMessage.Standing standing(Player p) {
        return new ServerMessage.Standing(p.rank, p.id, p.name, p.score, p.lastGained, p.previousRank, p.correctCount);
    }

    List<ServerMessage.Standing> standings(int limit) {
        return ranking.stream().limit(limit).map(this::standing).toList();
    }

    ServerMessage.Leaderboard leaderboard(int index, int questionCount, int size) {
        return new ServerMessage.Leaderboard(index, questionCount, standings(size), ranking.size(),
                teams == null ? null : teams.standings(false));
    }

    ServerMessage.Podium podium() {
        return new ServerMessage.Podium(standings(ranking.size()), ranking.size(),
                teams == null ? null : teams.standings(true));
    }

    ServerMessage.Final finalFor(Player p, List<ServerMessage.Standing> top) {
        return new ServerMessage.Final(top, standing(p), ranking.size(), teamStanding(p), teamCount());
    }

    ServerMessage.TeamStanding teamStanding(Player p) {
        return teams == null || p.team == null ? null : teams.standing(p.team, false);
    }

    Integer teamCount() {
        return teams == null ? null : teams.all().size();
    }
}
