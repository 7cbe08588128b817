package app.quizroom.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bank files for the editor's tests, written into a folder the test owns. */
public final class EditorBanks {

    public static final String CAPITALS = """
            id: capitals
            title: Capitals
            questions:
              - id: france
                type: single
                prompt: "Which city is the capital of France?"
                options: [Paris, Lyon, Nice]
                answer: Paris
            """;

    /** The same bank with a second question: a visible change for a new game. */
    static final String CAPITALS_TWO = CAPITALS + """
              - id: italy
                type: single
                prompt: "Which city is the capital of Italy?"
                options: [Rome, Milan, Turin]
                answer: Rome
            """;

    /** Not a valid bank: the answer is none of the options. */
    static final String CAPITALS_BROKEN = CAPITALS.replace("answer: Paris", "answer: Berlin");

    /** The smallest PNG: one transparent pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private EditorBanks() {
    }

    static Path write(Path folder, String file, String yaml) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(file), yaml);
    }
}
