package app.quizroom.bank;

import app.quizroom.bank.YamlTree.ListNode;
import app.quizroom.bank.YamlTree.MapNode;
import app.quizroom.bank.YamlTree.Node;
import app.quizroom.bank.YamlTree.Scalar;
import app.quizroom.config.Limits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one bank's YAML tree into a {@link Bank}, reporting every problem with its line. */
final class BankParser {

    private static final int MIN_TIME = Limits.MIN_TIME_SECONDS;
    private static final int MAX_TIME = Limits.MAX_TIME_SECONDS;
    private static final int DEFAULT_TIME = Limits.DEFAULT_TIME_SECONDS;
    private static final int STANDARD_POINTS = Limits.STANDARD_POINTS;
    private static final int MAX_POINTS = Limits.MAX_POINTS;
    private static final int MAX_PROMPT = Limits.MAX_PROMPT_CHARS;
    private static final int MAX_OPTION = Limits.MAX_OPTION_CHARS;
    private static final int MAX_EXPLANATION = Limits.MAX_EXPLANATION_CHARS;
    private static final int MIN_OPTIONS = Limits.MIN_OPTIONS;
    private static final int MAX_OPTIONS = Limits.MAX_OPTIONS;

    private static final Set<String> BANK_KEYS = Set.of("id", "title", "description", "topic", "timeLimit", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "prompt", "options", "items", "answer",
            "tolerance", "unit", "timeLimit", "points", "explanation", "source", "tags", "skill");
    private static final Set<String> OPTION_KEYS = Set.of("text", "explanation");
    private static final Pattern BANK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String file;
    private final List<BankProblem> problems;

    BankParser(String file, List<BankProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Returns the bank, or null if anything was wrong (the problems are then in the list given). */
    Bank parse(Node root) {
        int before = problems.size();
        if (!(root instanceof MapNode bank)) {
            problem(root.line(), "a bank must be a mapping with id, title and questions");
            return null;
        }
        unknownKeys(bank, BANK_KEYS, "bank");
        String id = requiredString(bank, "id", 64);
        if (id != null && !BANK_ID.matcher(id).matches()) {
            problem(lineOf(bank, "id"), "bank id '" + id + "' must be lower-case letters, digits and '-'");
        }
        String title = requiredString(bank, "title", 120);
        String description = optionalString(bank, "description", MAX_EXPLANATION);
        String topic = optionalString(bank, "topic", 200);
        Integer bankTime = timeLimit(bank, DEFAULT_TIME);
        List<Question> questions = new ArrayList<>();
        Node list = bank.entries().get("questions");
        if (list == null) {
            problem(bank.line(), "missing 'questions'");
        } else if (!(list instanceof ListNode items) || items.items().isEmpty()) {
            problem(list.line(), "'questions' must be a non-empty list");
        } else {
            Set<String> ids = new HashSet<>();
            for (Node item : items.items()) {
                Question q = question(item, bankTime == null ? DEFAULT_TIME : bankTime);
                if (q != null) {
                    if (!ids.add(q.id())) {
                        problem(q.line(), "duplicate question id '" + q.id() + "'");
                    }
                    questions.add(q);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Bank(id, title, description, topic, bankTime, questions, file, lineOf(bank, "questions"));
    }

    private Question question(Node node, int defaultTime) {
        if (!(node instanceof MapNode q)) {
            problem(node.line(), "a question must be a mapping (id, type, prompt, ...)");
            return null;
        }
        int before = problems.size();
        unknownKeys(q, QUESTION_KEYS, "question");
        String id = requiredString(q, "id", 64);
        if (id != null && !QUESTION_ID.matcher(id).matches()) {
            problem(lineOf(q, "id"), "question id '" + id + "' may hold only letters, digits, '-' and '_'");
        }
        String typeName = requiredString(q, "type", 20);
        QuestionType type = null;
        if (typeName != null) {
            type = QuestionType.fromWireName(typeName).orElse(null);
            if (type == null) {
                problem(lineOf(q, "type"), "unknown question type '" + typeName
                        + "' (expected single, multi, truefalse, order, numeric or poll)");
            }
        }
        String prompt = requiredString(q, "prompt", MAX_PROMPT);
        Integer time = timeLimit(q, defaultTime);
        int points = points(q);
        String explanation = optionalString(q, "explanation", MAX_EXPLANATION);
        String source = optionalString(q, "source", 200);
        List<String> tags = tags(q);
        Skill skill = skill(q);
        if (type == null) {
            return null;
        }

        List<Option> options = List.of();
        Set<Integer> correct = Set.of();
        Double numeric = null;
        double tolerance = 0;
        String unit = null;
        switch (type) {
            case SINGLE, MULTI, POLL -> {
                forbid(q, type, "items", "tolerance", "unit");
                options = options(q, "options");
                if (type == QuestionType.POLL) {
                    forbid(q, type, "answer");
                } else if (options != null) {
                    correct = choiceAnswer(q, type, options);
                }
            }
            case TRUEFALSE -> {
                forbid(q, type, "options", "items", "tolerance", "unit");
                options = List.of(new Option("True", null), new Option("False", null));
                Node answer = q.entries().get("answer");
                if (answer == null) {
                    problem(q.line(), "missing 'answer' (true or false)");
                } else if (answer instanceof Scalar s && s.isBoolean()) {
                    correct = Set.of(Boolean.parseBoolean(s.text()) ? 0 : 1);
                } else {
                    problem(answer.line(), "'answer' of a truefalse question must be true or false");
                }
            }
            case ORDER -> {
                forbid(q, type, "options", "answer", "tolerance", "unit");
                options = options(q, "items");
            }
            case NUMERIC -> {
                forbid(q, type, "options", "items");
                numeric = number(q, "answer", true);
                Double tol = number(q, "tolerance", false);
                if (tol != null && tol < 0) {
                    problem(lineOf(q, "tolerance"), "'tolerance' must not be negative");
                }
                tolerance = tol == null ? 0 : tol;
                unit = optionalString(q, "unit", 30);
            }
        }
        if (problems.size() > before || options == null) {
            return null;
        }
        return new Question(id, type, prompt, options, correct, numeric, tolerance, unit, time, points,
                explanation, source, tags, skill, q.line());
    }

    private List<Option> options(MapNode q, String key) {
        Node node = q.entries().get(key);
        if (node == null) {
            problem(q.line(), "missing '" + key + "'");
            return null;
        }
        if (!(node instanceof ListNode list)) {
            problem(node.line(), "'" + key + "' must be a list");
            return null;
        }
        if (list.items().size() < MIN_OPTIONS || list.items().size() > MAX_OPTIONS) {
            problem(node.line(), "'" + key + "' must have " + MIN_OPTIONS + " to " + MAX_OPTIONS + " entries, not "
                    + list.items().size());
            return null;
        }
        List<Option> options = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        for (Node item : list.items()) {
            String text;
            String explanation = null;
            if (item instanceof Scalar s && !s.isNull() && (s.isString() || s.isNumber() || s.isBoolean())) {
                text = s.text().strip();
            } else if (item instanceof MapNode m) {
                unknownKeys(m, OPTION_KEYS, "option");
                text = requiredString(m, "text", MAX_OPTION);
                explanation = optionalString(m, "explanation", MAX_EXPLANATION);
                if (text == null) {
                    continue;
                }
            } else {
                problem(item.line(), "an entry of '" + key + "' must be a text or {text, explanation}");
                continue;
            }
            if (text.isEmpty()) {
                problem(item.line(), "an entry of '" + key + "' is empty");
            } else if (text.length() > MAX_OPTION) {
                problem(item.line(), "an entry of '" + key + "' is longer than " + MAX_OPTION + " characters");
            } else if (!texts.add(text)) {
                problem(item.line(), "'" + text + "' appears twice in '" + key + "'");
            }
            options.add(new Option(text, explanation));
        }
        return options;
    }

    private Set<Integer> choiceAnswer(MapNode q, QuestionType type, List<Option> options) {
        Node answer = q.entries().get("answer");
        if (answer == null) {
            problem(q.line(), "missing 'answer'");
            return Set.of();
        }
        List<Scalar> picks = new ArrayList<>();
        if (answer instanceof Scalar s) {
            picks.add(s);
        } else if (answer instanceof ListNode list && type == QuestionType.MULTI) {
            for (Node n : list.items()) {
                if (n instanceof Scalar s) {
                    picks.add(s);
                } else {
                    problem(n.line(), "each answer must be the text of an option");
                }
            }
        } else {
            problem(answer.line(), type == QuestionType.MULTI
                    ? "'answer' must be a list of option texts" : "'answer' must be the text of one option");
            return Set.of();
        }
        if (picks.isEmpty()) {
            problem(answer.line(), "'answer' names no option");
        }
        Set<Integer> correct = new LinkedHashSet<>();
        for (Scalar pick : picks) {
            String text = pick.text() == null ? "" : pick.text().strip();
            int index = -1;
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).text().equals(text)) {
                    index = i;
                }
            }
            if (index < 0) {
                problem(pick.line(), "answer '" + text + "' is not among the options");
            } else if (!correct.add(index)) {
                problem(pick.line(), "answer '" + text + "' is given twice");
            }
        }
        return correct;
    }

    private Integer timeLimit(MapNode map, int fallback) {
        Node node = map.entries().get("timeLimit");
        if (node == null) {
            return fallback;
        }
        if (node instanceof Scalar s && s.kind() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            long value = Long.parseLong(s.text());
            if (value >= MIN_TIME && value <= MAX_TIME) {
                return (int) value;
            }
        }
        problem(node.line(), "'timeLimit' must be a whole number of seconds from " + MIN_TIME + " to " + MAX_TIME);
        return null;
    }

    private int points(MapNode q) {
        Node node = q.entries().get("points");
        if (node == null) {
            return STANDARD_POINTS;
        }
        if (node instanceof Scalar s) {
            if (s.isString()) {
                switch (s.text()) {
                    case "standard":
                        return STANDARD_POINTS;
                    case "double":
                        return 2 * STANDARD_POINTS;
                    case "none":
                        return 0;
                    default:
                        break;
                }
            } else if (s.kind() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                long value = Long.parseLong(s.text());
                if (value >= 0 && value <= MAX_POINTS) {
                    return (int) value;
                }
            }
        }
        problem(node.line(), "'points' must be standard, double, none or a whole number from 0 to " + MAX_POINTS);
        return 0;
    }

    private Double number(MapNode map, String key, boolean required) {
        Node node = map.entries().get(key);
        if (node == null) {
            if (required) {
                problem(map.line(), "missing '" + key + "' (a number)");
            }
            return null;
        }
        if (node instanceof Scalar s && s.isNumber()) {
            double value = Double.parseDouble(s.text());
            if (Double.isFinite(value)) {
                return value;
            }
        }
        problem(node.line(), "'" + key + "' must be a number");
        return null;
    }

    private Skill skill(MapNode q) {
        String name = optionalString(q, "skill", 20);
        if (name == null) {
            return null;
        }
        Skill skill = Skill.fromWireName(name).orElse(null);
        if (skill == null) {
            problem(lineOf(q, "skill"), "unknown skill '" + name
                    + "' (expected recall, chronology, causation, significance or historiography)");
        }
        return skill;
    }

    private List<String> tags(MapNode q) {
        Node node = q.entries().get("tags");
        if (node == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (node instanceof ListNode list) {
            for (Node n : list.items()) {
                if (n instanceof Scalar s && !s.isNull() && s.text().length() <= 100) {
                    tags.add(s.text());
                } else {
                    problem(n.line(), "each tag must be a short text");
                }
            }
        } else {
            problem(node.line(), "'tags' must be a list");
        }
        return tags;
    }

    private String requiredString(MapNode map, String key, int maxLength) {
        if (!map.entries().containsKey(key)) {
            problem(map.line(), "missing '" + key + "'");
            return null;
        }
        String value = optionalString(map, key, maxLength);
        if (value != null && value.isEmpty()) {
            problem(lineOf(map, key), "'" + key + "' is empty");
            return null;
        }
        return value;
    }

    private String optionalString(MapNode map, String key, int maxLength) {
        Node node = map.entries().get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof Scalar s && !s.isNull() && (s.isString() || s.isNumber())) {
            String value = s.text().strip();
            if (value.length() > maxLength) {
                problem(node.line(), "'" + key + "' is longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }
        if (node instanceof Scalar s && s.isNull()) {
            problem(node.line(), "'" + key + "' is empty");
        } else {
            problem(node.line(), "'" + key + "' must be a text");
        }
        return null;
    }

    private void forbid(MapNode q, QuestionType type, String... keys) {
        for (String key : keys) {
            if (q.entries().containsKey(key)) {
                problem(lineOf(q, key), "a " + type.wireName() + " question has no '" + key + "'");
            }
        }
    }

    private void unknownKeys(MapNode map, Set<String> allowed, String what) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                problem(key.getValue(), "unknown key '" + key.getKey() + "' in a " + what);
            }
        }
    }

    private static int lineOf(MapNode map, String key) {
        return map.keyLines().getOrDefault(key, map.line());
    }

    private void problem(int line, String message) {
        problems.add(new BankProblem(file, line, message));
    }
}
