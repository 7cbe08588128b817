package app.quizroom.bank.sheet;

import app.quizroom.bank.BankDraft;
import app.quizroom.bank.OptionDraft;
import app.quizroom.bank.QuestionDraft;
import app.quizroom.bank.QuestionType;
import app.quizroom.config.Limits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of a question sheet into a bank draft: finds the heading row, reads each row after it as one
 * question, and refuses the rows it cannot read with every reason at once, so a teacher can mend them in one pass.
 */
final class QuestionRows {

    private static final Pattern ANSWER_HEADING = Pattern.compile("answer\\s*([1-9])\\b.*");
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:s|secs?|seconds?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("(\\d+)(?:\\.0+)?");

    /** Where each column of the template was found in this sheet. */
    private record Columns(int question, Map<Integer, Integer> answers, int timeLimit, int correct,
                           Set<Integer> headed) {

        /** Columns right of the question with text in this row but no heading: cells the template has no place for. */
        List<Integer> extra(SheetRow row) {
            List<Integer> extra = new ArrayList<>();
            for (int c = question + 1; c < row.cells().size(); c++) {
                if (!headed.contains(c) && !row.cell(c).isEmpty()) {
                    extra.add(c);
                }
            }
            return extra;
        }
    }

    private final List<RowProblem> refused = new ArrayList<>();
    private final List<RowProblem> notes = new ArrayList<>();

    private QuestionRows() {
    }

    static SheetImport.Imported read(List<SheetRow> rows, String title) throws SheetException {
        return new QuestionRows().toDraft(rows, title);
    }

    private SheetImport.Imported toDraft(List<SheetRow> rows, String title) throws SheetException {
        int headingIndex = -1;
        for (int i = 0; i < rows.size() && headingIndex < 0; i++) {
            if (isHeading(rows.get(i))) {
                headingIndex = i;
            }
        }
        if (headingIndex < 0) {
            throw new SheetException("no heading row found: the template's row with 'Question', 'Answer 1', ..."
                    + " 'Correct answer(s)' must come before the questions");
        }
        Columns columns = columns(rows.get(headingIndex));
        BankDraft bank = new BankDraft();
        bank.setTitle(title);
        bank.setId(slug(title));
        for (SheetRow row : rows.subList(headingIndex + 1, rows.size())) {
            if (isBlank(row, columns)) {
                continue;
            }
            if (bank.getQuestions().size() == SheetImport.MAX_QUESTIONS) {
                refused.add(new RowProblem(row.number(), "only the first " + SheetImport.MAX_QUESTIONS
                        + " questions are read; this row and those after it were not"));
                break;
            }
            QuestionDraft q = question(row, columns);
            if (q != null) {
                q.setId("q" + (bank.getQuestions().size() + 1));
                bank.getQuestions().add(q);
            }
        }
        return new SheetImport.Imported(bank, refused, notes);
    }

    private static boolean isHeading(SheetRow row) {
        boolean question = false;
        boolean answer = false;
        for (String cell : row.cells()) {
            String text = cell.strip().toLowerCase(Locale.ROOT);
            question |= text.startsWith("question");
            answer |= text.startsWith("answer");
        }
        return question && answer;
    }

    private Columns columns(SheetRow heading) throws SheetException {
        int question = -1;
        int timeLimit = -1;
        int correct = -1;
        Map<Integer, Integer> answers = new TreeMap<>();
        for (int c = 0; c < heading.cells().size(); c++) {
            String text = heading.cell(c).toLowerCase(Locale.ROOT);
            Matcher answer = ANSWER_HEADING.matcher(text);
            if (text.startsWith("question") && question < 0) {
                question = c;
            } else if (answer.matches() && Integer.parseInt(answer.group(1)) <= Limits.MAX_OPTIONS) {
                answers.putIfAbsent(Integer.parseInt(answer.group(1)), c);
            } else if (text.startsWith("time limit")) {
                timeLimit = c;
            } else if (text.startsWith("correct")) {
                correct = c;
            } else if (!text.isEmpty() && c > question) {
                notes.add(new RowProblem(heading.number(), "column " + KahootTemplate.column(c) + " ('"
                        + heading.cell(c) + "') is not part of the template and was not read"));
            }
        }
        if (correct < 0) {
            throw new SheetException("the heading row (row " + heading.number() + ") has no 'Correct answer(s)' column");
        }
        if (answers.size() < Limits.MIN_OPTIONS) {
            throw new SheetException("the heading row (row " + heading.number() + ") needs at least 'Answer 1' and"
                    + " 'Answer 2' columns");
        }
        Set<Integer> headed = new HashSet<>();
        for (int c = 0; c < heading.cells().size(); c++) {
            if (!heading.cell(c).isEmpty()) {
                headed.add(c);
            }
        }
        return new Columns(question, answers, timeLimit, correct, headed);
    }

    private static boolean isBlank(SheetRow row, Columns columns) {
        return row.problems().isEmpty() && row.cell(columns.question()).isEmpty() && row.cell(columns.correct()).isEmpty()
                && row.cell(columns.timeLimit()).isEmpty()
                && columns.answers().values().stream().allMatch(c -> row.cell(c).isEmpty())
                && columns.extra(row).isEmpty();
    }

    /** The question a row holds, or null after recording why it cannot be read. */
    private QuestionDraft question(SheetRow row, Columns columns) {
        List<String> reasons = new ArrayList<>(row.problems());
        String prompt = row.cell(columns.question());
        if (prompt.isEmpty()) {
            reasons.add("no question text");
        } else if (prompt.length() > Limits.MAX_PROMPT_CHARS) {
            reasons.add("the question is " + prompt.length() + " characters long; the limit is " + Limits.MAX_PROMPT_CHARS);
        }
        Map<Integer, OptionDraft> options = new TreeMap<>();
        for (Map.Entry<Integer, Integer> answer : columns.answers().entrySet()) {
            String text = row.cell(answer.getValue());
            if (text.length() > Limits.MAX_OPTION_CHARS) {
                reasons.add("answer " + answer.getKey() + " is " + text.length() + " characters long; the limit is "
                        + Limits.MAX_OPTION_CHARS);
            } else if (!text.isEmpty()) {
                options.values().stream().filter(o -> o.getText().equals(text)).findFirst().ifPresent(same ->
                        reasons.add("answer " + answer.getKey() + " repeats an earlier answer ('" + text + "')"));
                options.put(answer.getKey(), new OptionDraft(text, null, false));
            }
        }
        if (options.size() < Limits.MIN_OPTIONS) {
            reasons.add("fewer than two answers");
        }
        int right = markRight(row.cell(columns.correct()), columns, options, reasons);
        List<RowProblem> changes = new ArrayList<>();
        Integer time = timeLimit(row, columns, reasons, changes);
        for (int c : columns.extra(row)) {
            reasons.add("text in column " + KahootTemplate.column(c) + ", which has no heading"
                    + " (only the template's columns are read)");
        }
        if (!reasons.isEmpty()) {
            refused.add(new RowProblem(row.number(), String.join("; ", reasons)));
            return null;
        }
        notes.addAll(changes);
        QuestionDraft q = new QuestionDraft();
        q.setType(right > 1 ? QuestionType.MULTI : QuestionType.SINGLE);
        q.setPrompt(prompt);
        q.setOptions(new ArrayList<>(options.values()));
        q.setTimeLimit(time);
        return q;
    }

    /** Marks the answers named in the correct-answers cell; returns how many are right. */
    private static int markRight(String cell, Columns columns, Map<Integer, OptionDraft> options, List<String> reasons) {
        if (cell.isEmpty()) {
            reasons.add("no correct answer");
            return 0;
        }
        int right = 0;
        for (String token : cell.split("[,;\\s]+")) {
            Matcher whole = WHOLE.matcher(token);
            Integer number = whole.matches() ? Integer.valueOf(whole.group(1)) : null;
            if (number == null || !columns.answers().containsKey(number)) {
                reasons.add("correct answer '" + token + "' is not an answer number (1–" + columns.answers().size() + ")");
            } else if (!options.containsKey(number)) {
                reasons.add("correct answer " + number + " names an empty answer");
            } else if (!options.get(number).isCorrect()) {
                options.get(number).setCorrect(true);
                right++;
            }
        }
        return right;
    }

    /** The row's time limit in whole seconds, clamped to what a bank allows (with a note); null if the cell is empty. */
    private static Integer timeLimit(SheetRow row, Columns columns, List<String> reasons, List<RowProblem> changes) {
        String cell = row.cell(columns.timeLimit());
        if (cell.isEmpty()) {
            return null;
        }
        Matcher seconds = SECONDS.matcher(cell);
        if (!seconds.matches()) {
            reasons.add("time limit '" + cell + "' is not a number of seconds");
            return null;
        }
        BigDecimal value = new BigDecimal(seconds.group(1).replace(',', '.'));
        int time = value.setScale(0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
        int clamped = Math.max(Limits.MIN_TIME_SECONDS, Math.min(Limits.MAX_TIME_SECONDS, time));
        if (clamped != time || value.compareTo(BigDecimal.valueOf(time)) != 0) {
            changes.add(new RowProblem(row.number(), "time limit " + cell + " became " + clamped + " s (a question takes "
                    + Limits.MIN_TIME_SECONDS + " to " + Limits.MAX_TIME_SECONDS + " whole seconds)"));
        }
        return clamped;
    }

    /** A bank id from a title: lower-case letters, digits and single dashes. */
    static String slug(String title) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-$", "") : slug;
        return slug.isEmpty() ? "imported" : slug;
    }
}
