package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.AnswerValue;
import app.quizroom.scoring.ScoringMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The scoreboard on its own: players and their answers set up by hand, response times given in milliseconds, no
 * room and no clock. Questions of the test bank: 0 single, 1 true/false, 2 poll; 1000 points and 20 s each.
 */
class ScoreboardTest {

    private static final List<Question> QUESTIONS = RoomTest.bank().questions();

    private final Player ana = player(1, "Ana");
    private final Player ben = player(2, "Ben");
    private final Player cy = player(3, "Cy");
    private final List<Player> players = List.of(ana, ben, cy);

    /** One player's answer to a question: after how long, and how right (1 fully, 0 not at all). */
    private record Given(Player player, long ms, double credit) {
    }

    private static Given right(Player player, long ms) {
        return new Given(player, ms, 1);
    }

    private static Given wrong(Player player) {
        return new Given(player, 300, 0);
    }

    private static Player player(int id, String name) {
        return new Player(id, name, Nicknames.key(name), "seat-" + id, id);
    }

    private static Scoreboard board(ScoringMode mode, boolean streakBonus) {
        return new Scoreboard(new GameOptions(mode, streakBonus, false, false, true, null, 0, false), null);
    }

    /** Question {@code index} closes with these answers (the other players gave none) and is scored. */
    private void close(Scoreboard board, int index, Given... given) {
        for (Given g : given) {
            g.player().answers.put(index, new AnswerRecord(new AnswerValue.Choice(Set.of(0)), g.ms(), g.credit(),
                    null, GameRecorder.Saving.done()));
        }
        board.scoreQuestion(new QuestionRun(index, QUESTIONS.get(index), 20, false, new Random(1)), players);
    }

    @Test
    void classicPointsFallWithTheResponseTimeToHalfAtTheDeadline() {
        close(board(ScoringMode.CLASSIC, true), 0, right(ana, 300), right(ben, 10_000), right(cy, 20_000));
        assertEquals(List.of(1000, 750, 500), players.stream().map(p -> p.lastGained).toList());
        assertEquals(List.of(1, 2, 3), players.stream().map(p -> p.rank).toList());
        assertEquals(List.of(300L, 10_000L, 20_000L), players.stream().map(p -> p.correctTimeMs).toList());
    }

    @Test
    void aStreakOfRightAnswersEarnsABonusThatTheScoresCarry() {
        Scoreboard board = board(ScoringMode.CLASSIC, true);
        close(board, 0, right(ana, 300));
        close(board, 1, right(ana, 300));
        assertEquals(2, ana.streak);
        assertEquals(1100, ana.lastGained);
        assertEquals(100, ana.lastBonus);
        assertEquals(2100, ana.score);
        assertEquals(new GameRecorder.Score(ana.id, 1100, 100, 2100, 1), board.scores().get(0));
        assertEquals(new GameRecorder.Score(cy.id, 0, 0, 0, 3), board.scores().get(2), "no answer: nothing");
    }

    @Test
    void aWrongOrMissingAnswerBreaksTheStreakButAPollLeavesItAlone() {
        Scoreboard board = board(ScoringMode.CLASSIC, true);
        close(board, 0, right(ana, 300), right(ben, 300));
        close(board, 2, wrong(ana));
        assertEquals(1, ana.streak, "a poll neither extends nor breaks a streak");
        assertEquals(0, ana.lastGained);
        close(board, 1, wrong(ana));
        assertEquals(0, ana.streak, "a wrong answer");
        assertEquals(0, ben.streak, "no answer");
        assertEquals(1000, ana.score);
    }

    @Test
    void accuracyModeIgnoresTimeAndGivesNoBonusButRanksMoreRightAnswersFirst() {
        Scoreboard board = board(ScoringMode.ACCURACY, true);
        close(board, 0, right(ana, 19_000), right(ben, 100));
        assertEquals(1000, ana.lastGained);
        close(board, 1, right(ana, 19_000));
        assertEquals(1000, ana.lastGained, "no streak bonus in accuracy mode");
        assertEquals(List.of(1, 2, 3), players.stream().map(p -> p.rank).toList());
    }

    @Test
    void equalScoresGoToTheFasterRightAnswersThenTheEarlierJoiner() {
        Scoreboard board = board(ScoringMode.CLASSIC, false);
        close(board, 0, right(ana, 400), right(ben, 200));
        assertEquals(1, ben.rank, "both 1000: Ben was faster");
        assertEquals(2, ana.rank);
        assertSame(ben, board.ahead(ana));
        assertNull(board.ahead(ben), "nobody is ahead of the leader");
        Player dee = player(4, "Dee");
        board.rank(List.of(ana, ben, cy, dee));
        assertEquals(3, cy.rank, "no points: Cy joined before Dee");
        assertEquals(4, dee.rank);
    }

    @Test
    void theLeaderboardShowsTheTopWithTheirPreviousPlaces() {
        Scoreboard board = board(ScoringMode.CLASSIC, false);
        close(board, 0, right(ana, 300));
        close(board, 1, right(ben, 300), right(cy, 10_000));
        ServerMessage.Leaderboard top = board.leaderboard(1, 3, 2);
        assertEquals(List.of("Ana", "Ben"), top.top().stream().map(ServerMessage.Standing::name).toList());
        assertEquals(3, top.playerCount());
        assertEquals(new ServerMessage.Standing(2, ben.id, "Ben", 1000, 1000, 2, 1), top.top().get(1));
        assertEquals(3, board.podium().ranking().size());
    }
}
