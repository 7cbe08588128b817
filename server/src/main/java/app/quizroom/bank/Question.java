package app.quizroom.bank;

import java.util.List;
import java.util.Set;

/**
 * A validated question. Options are kept in the bank's order; for {@link QuestionType#ORDER} that order is the
 * answer, so it must never reach a phone before the reveal.
 *
 * @param image            a picture file beside the bank (checked to exist and be of its type), or null
 * @param imageAlt         the picture described for students who cannot see it; present exactly when image is
 * @param correct          indices of the right options (single, truefalse, multi); empty for order, numeric, poll
 * @param numericAnswer    the right value of a numeric question, else null
 * @param tolerance        accepted distance from {@code numericAnswer}
 * @param timeLimitSeconds 5–240
 * @param points           full points for a fully right answer (0 means the question scores nothing)
 * @param skill            the kind of thinking it tests, or null when the bank does not say
 * @param line             the line of the question in its bank file
 */
public record Question(
        String id,
        QuestionType type,
        String prompt,
        String image,
        String imageAlt,
        List<Option> options,
        Set<Integer> correct,
        Double numericAnswer,
        double tolerance,
        String unit,
        int timeLimitSeconds,
        int points,
        String explanation,
        String source,
        List<String> tags,
        Skill skill,
        int line) {

    public Question {
        options = List.copyOf(options);
        correct = Set.copyOf(correct);
        tags = List.copyOf(tags);
    }

    /** A question without a picture. */
    public Question(String id, QuestionType type, String prompt, List<Option> options, Set<Integer> correct,
                    Double numericAnswer, double tolerance, String unit, int timeLimitSeconds, int points,
                    String explanation, String source, List<String> tags, Skill skill, int line) {
        this(id, type, prompt, null, null, options, correct, numericAnswer, tolerance, unit, timeLimitSeconds, points,
                explanation, source, tags, skill, line);
    }
}
