package app.quizroom.support;

import app.quizroom.bank.QuestionType;
import app.quizroom.bank.Skill;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.GameRecorder.GivenAnswer;
import app.quizroom.game.GameRecorder.PlayedQuestion;
import app.quizroom.game.GameRecorder.Score;
import app.quizroom.game.Room;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.store.ResultStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Games written straight through a store's recorders, with every kind of row a report reads: teams, a kicked
 * player, a moved one, a poll, partial credit, orderings and numbers, texts that need quoting in CSV, Cyrillic, a
 * game ended early and one interrupted.
 */
public final class RecordedGames {

    private static final ServerMessage.GameSettings SETTINGS = Room.settingsOf(GameOptions.defaults());

    private RecordedGames() {
    }

    /** The host keys of the games {@link #write} writes, in order. */
    public static final List<String> KEYS = List.of("key-1", "key-2", "key-3");

    /** Writes three games and waits until they are committed; returns their ids, in order. */
    public static List<Long> write(ResultStore store) throws Exception {
        List<Long> games = new ArrayList<>();
        games.add(full(store, KEYS.get(0)));
        games.add(endedEarly(store, KEYS.get(1)));
        games.add(interrupted(store, KEYS.get(2)));
        if (!store.flushed().get(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the store could not write: " + store.lastError());
        }
        return games;
    }

    private static long full(ResultStore store, String key) {
        GameRecorder game = store.newGame("111111", "bank-a", "Bank \"A\", the first", SETTINGS, key, 4, "auto", 42);
        game.playerJoined(1, "Ana", "Red");
        game.playerJoined(2, "Дмитрий", "Blue");
        game.playerJoined(3, "=cmd, \"quoted\"", "Red");
        game.playerJoined(4, "Kicked", null);
        game.playerKicked(4);
        game.playerMoved(3, "Blue");
        game.gameStarted();
        game.questionShown(new PlayedQuestion(0, "q-single", QuestionType.SINGLE, "Capital, of \"France\"?",
                List.of("Paris", "Lyon", "Nice"), new ServerMessage.Solution(List.of(0), null, null, null), 1000,
                20_000, "Paris it is.", List.of("Right", "No, a city", "No"), Skill.values()[0]));
        game.answerAccepted(0, 1, new GivenAnswer(0, null, null, null), 1234, 1);
        game.answerAccepted(0, 2, new GivenAnswer(1, null, null, null), 2345, 0);
        game.answerAccepted(0, 3, new GivenAnswer(1, null, null, null), 999, 0);
        game.questionScored(0, List.of(new Score(1, 950, 0, 950, 1), new Score(2, 0, 0, 0, 2),
                new Score(3, 0, 0, 0, 2)));
        game.questionShown(new PlayedQuestion(1, "q-multi", QuestionType.MULTI, "Pick the primes",
                List.of("2", "3", "4"), new ServerMessage.Solution(List.of(0, 1), null, null, null), 1000, 30_000,
                null, null, null));
        game.answerAccepted(1, 1, new GivenAnswer(null, List.of(0), null, null), 3000, 0.5);
        game.answerAccepted(1, 2, new GivenAnswer(null, List.of(0, 1), null, null), 4100, 1);
        game.questionScored(1, List.of(new Score(1, 475, 25, 1450, 1), new Score(2, 900, 0, 900, 2),
                new Score(3, 0, 0, 0, 3)));
        game.questionShown(new PlayedQuestion(2, "q-poll", QuestionType.POLL, "Which do you like?\nTell us",
                List.of("Tea", "Coffee"), new ServerMessage.Solution(List.of(), null, null, null), 0, 10_000, null,
                null, null));
        game.answerAccepted(2, 1, new GivenAnswer(1, null, null, null), 800, 0);
        game.answerAccepted(2, 3, new GivenAnswer(0, null, null, null), 900, 0);
        game.questionShown(new PlayedQuestion(3, "q-order", QuestionType.ORDER, "Oldest first",
                List.of("Rome", "Kyiv", "Oslo"), new ServerMessage.Solution(null, List.of(0, 1, 2), null, null), 1000,
                20_000, null, null, null));
        game.answerAccepted(3, 2, new GivenAnswer(null, null, List.of(1, 0, 2), null), 6000, 0.25);
        game.questionScored(3, List.of(new Score(1, 0, 0, 1450, 1), new Score(2, 0, 0, 900, 2),
                new Score(3, 0, 0, 0, 3)));
        game.gameEnded(GameRecorder.Ending.FINISHED, List.of(new Score(1, 0, 0, 1450, 1), new Score(2, 0, 0, 900, 2),
                new Score(3, 0, 0, 0, 3)));
        return game.gameId();
    }

    private static long endedEarly(ResultStore store, String key) {
        GameRecorder game = store.newGame("222222", "bank-b", "Числа", SETTINGS, key, 5, null, -7);
        game.playerJoined(1, "Ben", null);
        game.gameStarted();
        game.questionShown(new PlayedQuestion(0, "q-number", QuestionType.NUMERIC,
                "How many?", List.of(), new ServerMessage.Solution(null, null, 42.0, null), 500, 15_000, null, null,
                null));
        game.answerAccepted(0, 1, new GivenAnswer(null, null, null, 41.5), 5000, 0);
        game.questionScored(0, List.of(new Score(1, 0, 0, 0, 1)));
        game.gameEnded(GameRecorder.Ending.ENDED_EARLY, List.of(new Score(1, 0, 0, 0, 1)));
        return game.gameId();
    }

    private static long interrupted(ResultStore store, String key) {
        GameRecorder game = store.newGame("333333", "bank-c", "C", SETTINGS, key, 2, null, 1);
        game.playerJoined(1, "Cy", null);
        game.playerJoined(2, "Di", null);
        game.gameStarted();
        game.questionShown(new PlayedQuestion(0, "q0", QuestionType.SINGLE, "Q?", List.of("A", "B"),
                new ServerMessage.Solution(List.of(1), null, null, null), 1000, 20_000, null, null, null));
        game.answerAccepted(0, 2, new GivenAnswer(1, null, null, null), 700, 1);
        game.gameEnded(GameRecorder.Ending.INTERRUPTED, List.of());
        return game.gameId();
    }
}
