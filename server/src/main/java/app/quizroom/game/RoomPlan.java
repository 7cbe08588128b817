package app.quizroom.game;

import app.quizroom.bank.Question;

import java.util.List;

/**
 * What a node serving a room's players needs to check and time their answers as the room would: the questions in
 * the order played, how their options are shuffled, the game's time limit, and the game's id in the results store
 * (where that node writes the answers it takes). Travels between nodes only, never to a client: it holds the
 * solutions.
 *
 * @param timeLimitSeconds the game's time limit for every question, or null where each keeps its own
 * @param seed             the game's seed, from which each question's option order derives
 */
public record RoomPlan(List<Question> questions, boolean shuffleOptions, Integer timeLimitSeconds, long seed,
                       long gameId) {

    public RoomPlan {
        questions = List.copyOf(questions);
    }

    /** The question at {@code index} as played: its option order and time limit, exactly as the room has it. */
    QuestionRun run(int index) {
        Question q = questions.get(index);
        int seconds = timeLimitSeconds != null ? timeLimitSeconds : q.timeLimitSeconds();
        return new QuestionRun(index, q, seconds, shuffleOptions, QuestionRun.optionShuffle(seed, index));
    }
}
