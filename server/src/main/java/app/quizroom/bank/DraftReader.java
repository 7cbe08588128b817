package app.quizroom.bank;

import app.quizroom.bank.YamlTree.ListNode;
import app.quizroom.bank.YamlTree.MapNode;
import app.quizroom.bank.YamlTree.Node;
import app.quizroom.bank.YamlTree.Scalar;
import app.quizroom.config.Limits;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bank's YAML tree into a {@link BankDraft}, leniently: whatever fits the model is kept, even in a bank
 * with errors, so that a teacher can open a broken file and mend it. What does not fit (an unknown key, a time
 * limit that is not a number, an answer naming no option) is left out; {@link BankParser} reports it.
 */
final class DraftReader {

    private DraftReader() {
    }

    static BankDraft read(Node root) {
        BankDraft bank = new BankDraft();
        if (!(root instanceof MapNode map)) {
            return bank;
        }
        bank.setId(text(map, "id"));
        bank.setTitle(text(map, "title"));
        bank.setDescription(text(map, "description"));
        bank.setTopic(text(map, "topic"));
        bank.setTimeLimit(whole(map.entries().get("timeLimit")));
        if (map.entries().get("questions") instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode q) {
                    bank.getQuestions().add(question(q));
                }
            }
        }
        return bank;
    }

    private static QuestionDraft question(MapNode map) {
        QuestionDraft q = new QuestionDraft();
        q.setId(text(map, "id"));
        String type = text(map, "type");
        q.setType(type == null ? null : QuestionType.fromWireName(type).orElse(null));
        q.setPrompt(text(map, "prompt"));
        q.setImage(text(map, "image"));
        q.setImageAlt(text(map, "imageAlt"));
        q.setOptions(options(map.entries().get(q.getType() == QuestionType.ORDER ? "items" : "options")));
        Node answer = map.entries().get("answer");
        if (q.getType() == QuestionType.SINGLE || q.getType() == QuestionType.MULTI) {
            markRight(q.getOptions(), answer);
        } else if (q.getType() == QuestionType.TRUEFALSE && answer instanceof Scalar s && s.isBoolean()) {
            q.setTrueFalseAnswer(Boolean.parseBoolean(s.text()));
        } else if (q.getType() == QuestionType.NUMERIC) {
            q.setNumericAnswer(number(answer));
            q.setTolerance(number(map.entries().get("tolerance")));
            q.setUnit(text(map, "unit"));
        }
        q.setTimeLimit(whole(map.entries().get("timeLimit")));
        q.setPoints(points(map.entries().get("points")));
        String skill = text(map, "skill");
        q.setSkill(skill == null ? null : Skill.fromWireName(skill).orElse(null));
        q.setExplanation(text(map, "explanation"));
        q.setSource(text(map, "source"));
        if (map.entries().get("tags") instanceof ListNode tags) {
            List<String> texts = new ArrayList<>();
            for (Node tag : tags.items()) {
                if (tag instanceof Scalar s && !s.isNull()) {
                    texts.add(s.text());
                }
            }
            q.setTags(texts);
        }
        return q;
    }

    private static List<OptionDraft> options(Node node) {
        List<OptionDraft> options = new ArrayList<>();
        if (!(node instanceof ListNode list)) {
            return options;
        }
        for (Node item : list.items()) {
            if (item instanceof Scalar s && !s.isNull()) {
                options.add(new OptionDraft(s.text().strip(), null, false));
            } else if (item instanceof MapNode m) {
                options.add(new OptionDraft(text(m, "text"), text(m, "explanation"), false));
            }
        }
        return options;
    }

    /** Marks the options an answer names by their text (one, or a list). */
    private static void markRight(List<OptionDraft> options, Node answer) {
        List<Node> picks = answer instanceof ListNode list ? list.items() : answer == null ? List.of() : List.of(answer);
        for (Node pick : picks) {
            if (pick instanceof Scalar s && !s.isNull()) {
                String text = s.text().strip();
                options.stream().filter(o -> text.equals(o.getText())).forEach(o -> o.setCorrect(true));
            }
        }
    }

    /** A scalar's text, stripped as the loader strips it; null for a missing key, null or non-scalar value. */
    private static String text(MapNode map, String key) {
        return map.entries().get(key) instanceof Scalar s && !s.isNull() ? s.text().strip() : null;
    }

    private static Integer whole(Node node) {
        Long value = node instanceof Scalar s ? s.wholeNumber() : null;
        return value != null && value == value.intValue() ? value.intValue() : null;
    }

    private static Double number(Node node) {
        return node instanceof Scalar s ? s.number() : null;
    }

    private static Integer points(Node node) {
        if (node instanceof Scalar s && s.isString()) {
            return switch (s.text()) {
                case "standard" -> Limits.STANDARD_POINTS;
                case "double" -> 2 * Limits.STANDARD_POINTS;
                case "none" -> 0;
                default -> null;
            };
        }
        return whole(node);
    }
}
