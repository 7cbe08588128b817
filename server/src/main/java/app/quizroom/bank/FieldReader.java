package app.quizroom.bank;

import app.quizroom.bank.YamlTree.ListNode;
import app.quizroom.bank.YamlTree.MapNode;
import app.quizroom.bank.YamlTree.Node;
import app.quizroom.bank.YamlTree.Scalar;
import app.quizroom.config.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the scalar fields of a bank's mappings (texts, numbers, time limits, points, skills, tags), each with its
 * own rules, and reports what is wrong with the line it is on. {@link BankParser} reads the structure around them.
 */
final class FieldReader {

    private static final int MIN_TIME = Limits.MIN_TIME_SECONDS;
    private static final int MAX_TIME = Limits.MAX_TIME_SECONDS;
    private static final int STANDARD_POINTS = Limits.STANDARD_POINTS;
    private static final int MAX_POINTS = Limits.MAX_POINTS;

    private final String file;
    private final List<BankProblem> problems;

    FieldReader(String file, List<BankProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Integer timeLimit(MapNode map, int fallback) {
        Node node = map.entries().get("timeLimit");
        if (node == null) {
            return fallback;
        }
        Long value = node instanceof Scalar s ? s.wholeNumber() : null;
        if (value != null && value >= MIN_TIME && value <= MAX_TIME) {
            return value.intValue();
        }
        problem(node.line(), "'timeLimit' must be a whole number of seconds from " + MIN_TIME + " to " + MAX_TIME);
        return null;
    }

    int points(MapNode q) {
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
            } else if (s.wholeNumber() != null && s.wholeNumber() >= 0 && s.wholeNumber() <= MAX_POINTS) {
                return s.wholeNumber().intValue();
            }
        }
        problem(node.line(), "'points' must be standard, double, none or a whole number from 0 to " + MAX_POINTS);
        return 0;
    }

    Double number(MapNode map, String key, boolean required) {
        Node node = map.entries().get(key);
        if (node == null) {
            if (required) {
                problem(map.line(), "missing '" + key + "' (a number)");
            }
            return null;
        }
        Double value = node instanceof Scalar s ? s.number() : null;
        if (value != null && Double.isFinite(value)) {
            return value;
        }
        problem(node.line(), "'" + key + "' must be a number");
        return null;
    }

    Skill skill(MapNode q) {
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

    List<String> tags(MapNode q) {
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

    String requiredString(MapNode map, String key, int maxLength) {
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

    String optionalString(MapNode map, String key, int maxLength) {
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

    void forbid(MapNode q, QuestionType type, String... keys) {
        for (String key : keys) {
            if (q.entries().containsKey(key)) {
                problem(lineOf(q, key), "a " + type.wireName() + " question has no '" + key + "'");
            }
        }
    }

    void unknownKeys(MapNode map, Set<String> allowed, String what) {
        for (Map.Entry<String, Integer> key : map.keyLines().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                problem(key.getValue(), "unknown key '" + key.getKey() + "' in a " + what);
            }
        }
    }

    static int lineOf(MapNode map, String key) {
        return map.keyLines().getOrDefault(key, map.line());
    }

    void problem(int line, String message) {
        problems.add(new BankProblem(file, line, message));
    }
}
