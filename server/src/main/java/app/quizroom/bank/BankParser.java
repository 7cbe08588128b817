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
import java.util.Set;
import java.util.regex.Pattern;

import static app.quizroom.bank.FieldReader.lineOf;

/** Turns one bank's YAML tree into a {@link Bank}, reporting every problem with its line. */
final class BankParser {

    private static final int DEFAULT_TIME = Limits.DEFAULT_TIME_SECONDS;
    private static final int MAX_PROMPT = Limits.MAX_PROMPT_CHARS;
    private static final int MAX_OPTION = Limits.MAX_OPTION_CHARS;
    private static final int MAX_EXPLANATION = Limits.MAX_EXPLANATION_CHARS;
    private static final int MAX_IMAGE_ALT = Limits.MAX_IMAGE_ALT_CHARS;
    private static final int MIN_OPTIONS = Limits.MIN_OPTIONS;
    private static final int MAX_OPTIONS = Limits.MAX_OPTIONS;

    private static final Set<String> BANK_KEYS = Set.of("id", "title", "description", "topic", "timeLimit", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "prompt", "options", "items", "answer",
            "tolerance", "unit", "timeLimit", "points", "explanation", "source", "tags", "skill", "image", "imageAlt");
    private static final Set<String> OPTION_KEYS = Set.of("text", "explanation");
    private static final Pattern BANK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String file;
    private final BankImages images;
    private final List<BankProblem> problems;
    private final FieldReader fields;

    /** {@code images} is where the bank's pictures are looked up. */
    BankParser(String file, BankImages images, List<BankProblem> problems) {
        this.file = file;
        this.images = images;
        this.problems = problems;
        this.fields = new FieldReader(file, problems);
    }

    /** Returns the bank, or null if anything was wrong (the problems are then in the list given). */
    Bank parse(Node root) {
        int before = problems.size();
        if (!(root instanceof MapNode bank)) {
            problem(root.line(), "a bank must be a mapping with id, title and questions");
            return null;
        }
        fields.unknownKeys(bank, BANK_KEYS, "bank");
        String id = fields.requiredString(bank, "id", 64);
        if (id != null && !BANK_ID.matcher(id).matches()) {
            problem(lineOf(bank, "id"), "bank id '" + id + "' must be lower-case letters, digits and '-'");
        }
        String title = fields.requiredString(bank, "title", 120);
        String description = fields.optionalString(bank, "description", MAX_EXPLANATION);
        String topic = fields.optionalString(bank, "topic", 200);
        Integer bankTime = fields.timeLimit(bank, DEFAULT_TIME);
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
        fields.unknownKeys(q, QUESTION_KEYS, "question");
        String id = fields.requiredString(q, "id", 64);
        if (id != null && !QUESTION_ID.matcher(id).matches()) {
            problem(lineOf(q, "id"), "question id '" + id + "' may hold only letters, digits, '-' and '_'");
        }
        String typeName = fields.requiredString(q, "type", 20);
        QuestionType type = null;
        if (typeName != null) {
            type = QuestionType.fromWireName(typeName).orElse(null);
            if (type == null) {
                problem(lineOf(q, "type"), "unknown question type '" + typeName
                        + "' (expected single, multi, truefalse, order, numeric or poll)");
            }
        }
        String prompt = fields.requiredString(q, "prompt", MAX_PROMPT);
        String image = image(q);
        String imageAlt = imageAlt(q);
        Integer time = fields.timeLimit(q, defaultTime);
        int points = fields.points(q);
        String explanation = fields.optionalString(q, "explanation", MAX_EXPLANATION);
        String source = fields.optionalString(q, "source", 200);
        List<String> tags = fields.tags(q);
        Skill skill = fields.skill(q);
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
                fields.forbid(q, type, "items", "tolerance", "unit");
                options = options(q, "options");
                if (type == QuestionType.POLL) {
                    fields.forbid(q, type, "answer");
                } else if (options != null) {
                    correct = choiceAnswer(q, type, options);
                }
            }
            case TRUEFALSE -> {
                fields.forbid(q, type, "options", "items", "tolerance", "unit");
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
                fields.forbid(q, type, "options", "answer", "tolerance", "unit");
                options = options(q, "items");
            }
            case NUMERIC -> {
                fields.forbid(q, type, "options", "items");
                numeric = fields.number(q, "answer", true);
                Double tol = fields.number(q, "tolerance", false);
                if (tol != null && tol < 0) {
                    problem(lineOf(q, "tolerance"), "'tolerance' must not be negative");
                }
                tolerance = tol == null ? 0 : tol;
                unit = fields.optionalString(q, "unit", 30);
            }
        }
        if (problems.size() > before || options == null) {
            return null;
        }
        return new Question(id, type, prompt, image, imageAlt, options, correct, numeric, tolerance, unit, time, points,
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
                fields.unknownKeys(m, OPTION_KEYS, "option");
                text = fields.requiredString(m, "text", MAX_OPTION);
                explanation = fields.optionalString(m, "explanation", MAX_EXPLANATION);
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

    /** The picture's name, if it names a usable picture beside the bank. */
    private String image(MapNode q) {
        String name = fields.optionalString(q, "image", Integer.MAX_VALUE);
        if (name == null) {
            return null;
        }
        if (images.lookup(name) instanceof BankImages.Refused refused) {
            problem(lineOf(q, "image"), "image '" + name + "' " + refused.reason());
        }
        return name;
    }

    /** The picture's description: required with a picture (students using a screen reader), refused without. */
    private String imageAlt(MapNode q) {
        boolean hasImage = q.entries().containsKey("image");
        boolean hasAlt = q.entries().containsKey("imageAlt");
        if (hasAlt && !hasImage) {
            problem(lineOf(q, "imageAlt"), "'imageAlt' describes a picture, but the question has no 'image'");
        } else if (hasImage && !hasAlt) {
            problem(lineOf(q, "image"),
                    "missing 'imageAlt': describe the picture for students who cannot see it");
        }
        String alt = fields.optionalString(q, "imageAlt", MAX_IMAGE_ALT);
        if (alt != null && alt.isEmpty()) {
            problem(lineOf(q, "imageAlt"), "'imageAlt' is empty");
        }
        return alt;
    }

    private void problem(int line, String message) {
        fields.problem(line, message);
    }
}
