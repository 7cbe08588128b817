package app.quizroom.bank;

import java.util.List;

/** A validated question bank, loaded from one YAML file; {@code questionsLine} is where its list starts. */
public record Bank(
        String id,
        String title,
        String description,
        String topic,
        int timeLimitSeconds,
        List<Question> questions,
        String file,
        int questionsLine) {

    public Bank {
        questions = List.copyOf(questions);
    }

    /** Rough playing time: each question's time limit plus about 15 s for reading, reveal and leaderboard. */
    public int estimatedMinutes() {
        int seconds = questions.stream().mapToInt(q -> q.timeLimitSeconds() + 15).sum();
        return Math.max(1, Math.round(seconds / 60f));
    }
}
