package app.quizroom.bank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers the line of every node, so that validation can say
 * {@code file:line: what is wrong}. Parsing is bounded: a size cap on the input, a nesting limit, and no aliases
 * at all (an alias is reported as an error rather than expanded, which rules out "billion laughs").
 */
final class YamlTree {

    static final int MAX_NESTING = 20;

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    /** A mapping; keys keep their document order and their own lines. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
    }

    record ListNode(int line, List<Node> items) implements Node {
    }

    /** A scalar with the type YAML resolved for it (string, int, float, boolean, null). */
    record Scalar(int line, JsonToken kind, String text) implements Node {
        boolean isNull() {
            return kind == JsonToken.VALUE_NULL;
        }

        boolean isString() {
            return kind == JsonToken.VALUE_STRING;
        }

        boolean isNumber() {
            return kind == JsonToken.VALUE_NUMBER_INT || kind == JsonToken.VALUE_NUMBER_FLOAT;
        }

        boolean isBoolean() {
            return kind == JsonToken.VALUE_TRUE || kind == JsonToken.VALUE_FALSE;
        }

        /** A whole number as Java reads it; null for other scalars and for 0x1F, 1_000 or past a long's range. */
        Long wholeNumber() {
            if (kind != JsonToken.VALUE_NUMBER_INT) {
                return null;
            }
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** A number as Java reads it; null for other scalars and for YAML-only spellings (0x1F, 1_000, .inf). */
        Double number() {
            if (!isNumber()) {
                return null;
            }
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Raised for input that cannot be read as a tree at all. */
    static final class YamlException extends Exception {
        final int line;

        YamlException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final YAMLFactory FACTORY = createFactory();

    private static YAMLFactory createFactory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(10);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setCodePointLimit(BankLoader.MAX_FILE_BYTES);
        loader.setAllowDuplicateKeys(true); // duplicates are reported by this class, with their line
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
    }

    private final List<BankProblem> problems;
    private final String file;

    private YamlTree(String file, List<BankProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads one YAML document. Duplicate keys are added to {@code problems} (the first value is kept); anything
     * that stops reading altogether is thrown.
     */
    static Node parse(String file, String content, List<BankProblem> problems) throws YamlException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new YamlException(1, "the file is empty");
            }
            return new YamlTree(file, problems).read((YAMLParser) parser);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked) {
                throw fromSnakeYaml(marked);
            }
            JsonLocation at = e.getLocation();
            throw new YamlException(at == null ? 1 : Math.max(1, at.getLineNr()),
                    "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlException(1, "could not be read: " + firstLine(e.getMessage()));
        } catch (MarkedYAMLException e) {
            throw fromSnakeYaml(e);
        } catch (RuntimeException e) {
            // SnakeYAML reports its own limits (size, nesting) as unchecked exceptions.
            throw new YamlException(1, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * SnakeYAML's own mark is where the problem is (Jackson's location is the token before it, often the line
     * above), and its message spans several lines with a drawing of the spot: keep one line.
     */
    private static YamlException fromSnakeYaml(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? 1 : mark.getLine() + 1;
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : firstLine(e.getProblem());
        if (problem.contains("(TAB)")) {
            return new YamlException(line, "a tab character is not allowed in YAML indentation; indent with spaces");
        }
        String context = e.getContext() == null ? "" : " (" + firstLine(e.getContext()) + ")";
        return new YamlException(line, "not valid YAML: " + problem + context);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    private Node read(YAMLParser parser) throws IOException, YamlException {
        int line = parser.currentTokenLocation().getLineNr();
        if (parser.isCurrentAlias()) {
            throw new YamlException(line, "YAML aliases (*name) are not supported in banks");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Node value = read(parser);
                    if (entries.containsKey(key)) {
                        problems.add(new BankProblem(file, keyLine, "duplicate key '" + key + "'"));
                    } else {
                        entries.put(key, value);
                        keyLines.put(key, keyLine);
                    }
                }
                return new MapNode(line, entries, keyLines);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new ListNode(line, items);
            }
            default -> {
                return new Scalar(line, token, token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
        }
    }
}
