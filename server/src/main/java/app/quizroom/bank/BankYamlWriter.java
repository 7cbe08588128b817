package app.quizroom.bank;

import app.quizroom.bank.YamlTree.ListNode;
import app.quizroom.bank.YamlTree.MapNode;
import app.quizroom.bank.YamlTree.Node;
import app.quizroom.bank.YamlTree.Scalar;
import app.quizroom.config.Limits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link BankDraft} in the layout of the bundled banks: keys in a fixed order, free text double-quoted,
 * names and tags plain unless YAML would read them as something else, a blank line between questions, options as
 * plain strings or {@code {text, explanation}} maps. Whatever the draft holds is written, even if invalid, so that
 * the validator can point at the line; see questions/README.md for what is normalised on the way.
 */
final class BankYamlWriter {

    private final StringBuilder out = new StringBuilder();
    /** The start of the next key of the current question: "  - " for its first key, then four spaces. */
    private String questionIndent;

    private BankYamlWriter() {
    }

    static String write(BankDraft bank) {
        BankYamlWriter writer = new BankYamlWriter();
        writer.bank(bank);
        return writer.out.toString();
    }

    private void bank(BankDraft bank) {
        key("", "id", plain(bank.getId()));
        key("", "title", plain(bank.getTitle()));
        key("", "description", quoted(bank.getDescription()));
        key("", "topic", quoted(bank.getTopic()));
        key("", "timeLimit", bank.getTimeLimit() == null ? null : bank.getTimeLimit().toString());
        if (bank.getQuestions().isEmpty()) {
            out.append("questions: []\n");
            return;
        }
        out.append("questions:\n");
        for (int i = 0; i < bank.getQuestions().size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            question(bank.getQuestions().get(i));
        }
    }

    private void question(QuestionDraft q) {
        questionIndent = "  - ";
        QuestionType type = q.getType();
        field("id", plain(q.getId()));
        field("type", type == null ? null : type.wireName());
        field("prompt", quoted(q.getPrompt()));
        field("image", plain(q.getImage()));
        field("imageAlt", quoted(q.getImageAlt()));
        if (type == null || type.isChoice() && type != QuestionType.TRUEFALSE) {
            options("options", q.getOptions());
        } else if (type == QuestionType.ORDER) {
            options("items", q.getOptions());
        }
        if (type == QuestionType.SINGLE || type == QuestionType.MULTI) {
            List<String> right = q.getOptions().stream().filter(OptionDraft::isCorrect).map(OptionDraft::getText).toList();
            if (type == QuestionType.SINGLE && right.size() == 1) {
                field("answer", quoted(orEmpty(right.get(0))));
            } else if (!right.isEmpty()) {
                field("answer", "[" + String.join(", ", right.stream().map(t -> quoted(orEmpty(t))).toList()) + "]");
            }
        } else if (type == QuestionType.TRUEFALSE && q.getTrueFalseAnswer() != null) {
            field("answer", q.getTrueFalseAnswer().toString());
        } else if (type == QuestionType.NUMERIC) {
            field("answer", number(q.getNumericAnswer()));
            field("tolerance", number(q.getTolerance()));
            field("unit", quoted(q.getUnit()));
        }
        field("timeLimit", q.getTimeLimit() == null ? null : q.getTimeLimit().toString());
        field("points", points(q.getPoints()));
        field("skill", q.getSkill() == null ? null : q.getSkill().wireName());
        field("explanation", quoted(q.getExplanation()));
        field("source", quoted(q.getSource()));
        if (!q.getTags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            for (String tag : q.getTags()) {
                tags.add(tag != null && readsBackPlain(tag, true) ? tag : quoted(orEmpty(tag)));
            }
            field("tags", "[" + String.join(", ", tags) + "]");
        }
    }

    private void options(String key, List<OptionDraft> options) {
        if (options.isEmpty()) {
            field(key, "[]");
            return;
        }
        field(key, "");
        for (OptionDraft option : options) {
            if (option.getExplanation() == null) {
                out.append("      - ").append(quoted(orEmpty(option.getText()))).append('\n');
            } else {
                if (option.getText() == null) {
                    out.append("      - explanation: ").append(quoted(option.getExplanation())).append('\n');
                    continue;
                }
                out.append("      - text: ").append(quoted(option.getText())).append('\n');
                out.append("        explanation: ").append(quoted(option.getExplanation())).append('\n');
            }
        }
    }

    /** One key of the current question; a null value leaves the key out, an empty one opens a block. */
    private void field(String key, String value) {
        if (value != null) {
            key(questionIndent, key, value);
            questionIndent = "    ";
        }
    }

    private void key(String indent, String key, String value) {
        if (value == null) {
            return;
        }
        out.append(indent).append(key).append(':');
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

    private static String points(Integer points) {
        if (points == null) {
            return null;
        }
        return switch (points) {
            case Limits.STANDARD_POINTS -> "standard";
            case 2 * Limits.STANDARD_POINTS -> "double";
            case 0 -> "none";
            default -> points.toString();
        };
    }

    /** Shortest plain decimal, never an exponent (YAML 1.1 reads "1.0E10" as a string). */
    static String number(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN()) {
            return ".nan";
        }
        if (value.isInfinite()) {
            return value > 0 ? ".inf" : "-.inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** A name written bare when the loader would read it back as the same text, else double-quoted. */
    private static String plain(String text) {
        if (text == null) {
            return null;
        }
        return readsBackPlain(text, false) ? text : quoted(text);
    }

    /**
     * Whether {@code text} written bare (in a block, or inside {@code [...]}) reads back as the same string. Asks
     * the loader's own YAML reader, so that "1929", "true", "a: b" or "#x" are quoted exactly when they must be.
     */
    static boolean readsBackPlain(String text, boolean inFlow) {
        if (text.isEmpty() || !text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return false;
        }
        try {
            Node root = YamlTree.parse("plain", inFlow ? "k: [" + text + "]\n" : "k: " + text + "\n", new ArrayList<>());
            Node value = root instanceof MapNode map && map.entries().size() == 1 ? map.entries().get("k") : null;
            if (inFlow) {
                value = value instanceof ListNode list && list.items().size() == 1 ? list.items().get(0) : null;
            }
            return value instanceof Scalar s && s.isString() && text.equals(s.text());
        } catch (YamlTree.YamlException e) {
            return false;
        }
    }

    /** A YAML double-quoted scalar: printable characters as they are, the rest escaped. */
    static String quoted(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                case '\u0085' -> s.append("\\N");
                case '\u2028' -> s.append("\\L");
                case '\u2029' -> s.append("\\P");
                case '\uFEFF' -> s.append("\\uFEFF");
                default -> {
                    if (c < 0x20 || c >= 0x7F && c < 0xA0) {
                        s.append(String.format("\\x%02X", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
