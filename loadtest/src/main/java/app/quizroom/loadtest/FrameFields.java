package app.quizroom.loadtest;

/**
 * The top-level scalar fields of one server frame (a JSON object), found in one pass over its text without
 * building a tree: a simulated phone reads only a frame's type and two or three numbers, and 10,000 of them parsing
 * every whole frame (a question's texts, a result's standings) into maps cost the load tool, which shares the
 * server's cores, as much CPU as the server. Nested objects and arrays are stepped over; a string's escapes are
 * kept as sent (the fields read here are names and codes, which have none). Text that is not a JSON object reads as
 * having no fields.
 */
final class FrameFields {

    private static final int MAX_FIELDS = 32;

    private final String json;
    /** For each top-level field with a scalar value: where its name and its value start and end in {@link #json}. */
    private final int[] spans = new int[MAX_FIELDS * 4];
    private int count;

    private FrameFields(String json) {
        this.json = json;
    }

    static FrameFields of(String json) {
        FrameFields fields = new FrameFields(json);
        try {
            fields.scan();
        } catch (IndexOutOfBoundsException e) {
            fields.count = 0; // cut short: no fields, as for any text that is not an object
        }
        return fields;
    }

    /** A string field's value, or {@code fallback} if absent or not a string. */
    String string(String name, String fallback) {
        int i = find(name);
        if (i < 0 || json.charAt(spans[i + 2]) != '"') {
            return fallback;
        }
        return json.substring(spans[i + 2] + 1, spans[i + 3] - 1);
    }

    /** An integer field's value, or {@code fallback} if absent or not an integer. */
    int integer(String name, int fallback) {
        int i = find(name);
        if (i < 0) {
            return fallback;
        }
        try {
            return Integer.parseInt(json, spans[i + 2], spans[i + 3], 10);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A boolean field's value, or null if absent or not a boolean. */
    Boolean bool(String name) {
        int i = find(name);
        if (i < 0) {
            return null;
        }
        int length = spans[i + 3] - spans[i + 2];
        if (length == 4 && json.startsWith("true", spans[i + 2])) {
            return Boolean.TRUE;
        }
        return length == 5 && json.startsWith("false", spans[i + 2]) ? Boolean.FALSE : null;
    }

    private int find(String name) {
        for (int f = 0; f < count; f++) {
            int i = f * 4;
            if (spans[i + 1] - spans[i] == name.length() && json.startsWith(name, spans[i])) {
                return i;
            }
        }
        return -1;
    }

    private void scan() {
        int at = skipSpace(0);
        if (at >= json.length() || json.charAt(at) != '{') {
            return;
        }
        at = skipSpace(at + 1);
        while (at < json.length() && json.charAt(at) == '"') {
            int nameStart = at + 1;
            int nameEnd = endOfString(at);
            at = skipSpace(nameEnd);
            if (json.charAt(at) != ':') {
                count = 0;
                return;
            }
            at = skipSpace(at + 1);
            int valueStart = at;
            at = endOfValue(at);
            char first = json.charAt(valueStart);
            if (first != '{' && first != '[' && count < MAX_FIELDS) {
                int i = count++ * 4;
                spans[i] = nameStart;
                spans[i + 1] = nameEnd - 1;
                spans[i + 2] = valueStart;
                spans[i + 3] = at;
            }
            at = skipSpace(at);
            if (json.charAt(at) == ',') {
                at = skipSpace(at + 1);
            }
        }
    }

    /** Just past the closing quote of the string opening at {@code at}. */
    private int endOfString(int at) {
        int i = at + 1;
        while (true) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
    }

    /** Just past the value starting at {@code at}: a string, an object or array (nested), or a bare word/number. */
    private int endOfValue(int at) {
        char c = json.charAt(at);
        if (c == '"') {
            return endOfString(at);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            int i = at;
            while (true) {
                char d = json.charAt(i);
                if (d == '"') {
                    i = endOfString(i);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
        }
        int i = at;
        while (i < json.length() && ",}] \t\r\n".indexOf(json.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private int skipSpace(int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }
}
