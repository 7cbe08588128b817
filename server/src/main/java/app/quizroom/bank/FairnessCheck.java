package app.quizroom.bank;

import app.quizroom.config.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through a valid bank for what lets students score without knowing the subject, or makes a question unfair
 * to play, and returns each finding as a warning with its line. A warning never stops a bank from loading; the
 * {@code validate --strict} command fails on one. The numbers are documented in questions/README.md.
 */
public final class FairnessCheck {

    /** A position holding more than this share of the right answers of single-choice questions is a pattern. */
    static final double MAX_SHARE_ON_ONE_POSITION = 0.40;
    /** The right option may be the strictly longest in at most this share of single-choice questions. */
    static final double MAX_SHARE_LONGEST = 0.25;
    /** Bank-wide patterns are judged only over at least this many single-choice questions. */
    static final int MIN_QUESTIONS_FOR_PATTERN = 4;
    /** A right option this many times as long as the longest wrong one gives itself away. */
    static final double MUCH_LONGER = 1.5;
    static final int WORDS_PER_MINUTE = 200;
    /** Reading the prompt may take at most this share of the question's time limit. */
    static final double MAX_READING_SHARE = 0.60;
    /** A true/false statement sharing this share of its word pairs with one line of the notes copies that line. */
    static final double NOTES_COPY_SHARE = 0.5;
    /** Words that tell a test-wise student a statement is false (or true) without any history. */
    static final List<String> CUE_WORDS = List.of("only", "all", "never", "always", "from the start");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final List<Pattern> CUES = CUE_WORDS.stream()
            .map(w -> Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])"))
            .toList();

    private FairnessCheck() {
    }

    /**
     * @param notes the lines of the study notes the bank was written from, for the copied-statement check; empty
     *              when none were given
     */
    public static List<BankProblem> check(Bank bank, List<String> notes) {
        List<BankProblem> warnings = new ArrayList<>();
        answerPositions(bank, warnings);
        multiSelectPositions(bank, warnings);
        List<Set<String>> noteBigrams = notes.stream().map(FairnessCheck::bigrams).filter(b -> !b.isEmpty()).toList();
        for (Question q : bank.questions()) {
            muchLongerRightOption(bank, q, warnings);
            readingTime(bank, q, warnings);
            doublePointsOnRecall(bank, q, warnings);
            if (q.type() == QuestionType.TRUEFALSE) {
                cueWords(bank, q, warnings);
                copiedFromNotes(bank, q, noteBigrams, warnings);
            }
        }
        return warnings;
    }

    private static void answerPositions(Bank bank, List<BankProblem> warnings) {
        List<Question> singles = bank.questions().stream().filter(q -> q.type() == QuestionType.SINGLE).toList();
        if (singles.size() < MIN_QUESTIONS_FOR_PATTERN) {
            return;
        }
        int[] atPosition = new int[Limits.MAX_OPTIONS];
        int longest = 0;
        for (Question q : singles) {
            int right = q.correct().iterator().next();
            atPosition[right]++;
            if (isStrictlyLongest(q, right)) {
                longest++;
            }
        }
        for (int p = 0; p < atPosition.length; p++) {
            if (atPosition[p] > MAX_SHARE_ON_ONE_POSITION * singles.size()) {
                warnings.add(BankProblem.warning(bank.file(), bank.questionsLine(), "the right answer is option "
                        + (p + 1) + " in " + atPosition[p] + " of " + singles.size()
                        + " single-choice questions (more than " + percent(MAX_SHARE_ON_ONE_POSITION)
                        + "): students will find the pattern; spread the right answers over the positions"));
            }
        }
        if (longest > MAX_SHARE_LONGEST * singles.size()) {
            warnings.add(BankProblem.warning(bank.file(), bank.questionsLine(), "the right option is the longest in "
                    + longest + " of " + singles.size() + " single-choice questions (more than "
                    + percent(MAX_SHARE_LONGEST) + "): students learn to pick the longest; even out the lengths"));
        }
    }

    private static void multiSelectPositions(Bank bank, List<BankProblem> warnings) {
        List<Question> multis = bank.questions().stream().filter(q -> q.type() == QuestionType.MULTI).toList();
        if (multis.size() < 2) {
            return;
        }
        boolean allFirst = multis.stream().allMatch(q -> {
            Set<Integer> prefix = new HashSet<>();
            for (int i = 0; i < q.correct().size(); i++) {
                prefix.add(i);
            }
            return prefix.equals(q.correct());
        });
        if (allFirst) {
            warnings.add(BankProblem.warning(bank.file(), bank.questionsLine(), "in every multi-select question the"
                    + " right options come first: mix them among the others"));
        }
    }

    private static void muchLongerRightOption(Bank bank, Question q, List<BankProblem> warnings) {
        if (q.type() != QuestionType.SINGLE) {
            return;
        }
        int right = q.correct().iterator().next();
        int rightLength = q.options().get(right).text().length();
        int longestWrong = 0;
        for (int i = 0; i < q.options().size(); i++) {
            if (i != right) {
                longestWrong = Math.max(longestWrong, q.options().get(i).text().length());
            }
        }
        if (rightLength >= MUCH_LONGER * longestWrong) {
            warnings.add(BankProblem.warning(bank.file(), q.line(), "question '" + q.id() + "': the right option ("
                    + rightLength + " characters) is much longer than every wrong one (at most " + longestWrong
                    + "): the length gives the answer away"));
        }
    }

    private static boolean isStrictlyLongest(Question q, int right) {
        int length = q.options().get(right).text().length();
        for (int i = 0; i < q.options().size(); i++) {
            if (i != right && q.options().get(i).text().length() >= length) {
                return false;
            }
        }
        return true;
    }

    private static void readingTime(Bank bank, Question q, List<BankProblem> warnings) {
        int words = words(q.prompt()).size();
        double readingSeconds = words * 60.0 / WORDS_PER_MINUTE;
        if (readingSeconds > MAX_READING_SHARE * q.timeLimitSeconds()) {
            warnings.add(BankProblem.warning(bank.file(), q.line(), String.format(Locale.ROOT,
                    "question '%s': the prompt's %d words take %.0f s to read at %d words a minute, more than %s of"
                            + " its %d s: shorten it or give more time", q.id(), words, readingSeconds,
                    WORDS_PER_MINUTE, percent(MAX_READING_SHARE), q.timeLimitSeconds())));
        }
    }

    private static void doublePointsOnRecall(Bank bank, Question q, List<BankProblem> warnings) {
        if (q.points() > Limits.STANDARD_POINTS && q.skill() != null && !q.skill().isUnderstanding()) {
            warnings.add(BankProblem.warning(bank.file(), q.line(), "question '" + q.id() + "': extra points on a "
                    + q.skill().wireName() + " question: keep them for questions that test understanding"));
        }
    }

    private static void cueWords(Bank bank, Question q, List<BankProblem> warnings) {
        for (int i = 0; i < CUES.size(); i++) {
            Matcher m = CUES.get(i).matcher(q.prompt());
            if (m.find()) {
                warnings.add(BankProblem.warning(bank.file(), q.line(), "question '" + q.id() + "': the true/false"
                        + " statement says '" + CUE_WORDS.get(i) + "', a word that tells test-wise students the"
                        + " answer: reword it"));
            }
        }
    }

    private static void copiedFromNotes(Bank bank, Question q, List<Set<String>> noteBigrams,
                                        List<BankProblem> warnings) {
        Set<String> statement = bigrams(q.prompt());
        if (statement.size() < 3) {
            return;
        }
        for (Set<String> line : noteBigrams) {
            long shared = statement.stream().filter(line::contains).count();
            if (shared >= NOTES_COPY_SHARE * statement.size()) {
                warnings.add(BankProblem.warning(bank.file(), q.line(), "question '" + q.id() + "': the true/false"
                        + " statement copies a line of the notes (" + percent((double) shared / statement.size())
                        + " of its word pairs): a student who memorised the notes need not think; reword it"));
                return;
            }
        }
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static Set<String> bigrams(String text) {
        List<String> words = words(text);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            pairs.add(words.get(i) + " " + words.get(i + 1));
        }
        return pairs;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
