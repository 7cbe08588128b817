package app.quizroom.bank;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small valid banks and pictures for the tests of this package. */
final class TestBanks {

    /** The first bytes of a PNG file: enough for the type check, which reads no further. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] WEBP = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a map -->
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
            """.getBytes(StandardCharsets.UTF_8);

    private TestBanks() {
    }

    /** A valid one-question bank. */
    static String yaml(String id, String title) {
        return """
                id: %s
                title: %s
                questions:
                  - id: q1
                    type: single
                    prompt: "Who became General Secretary in 1922?"
                    options:
                      - "Stalin"
                      - "Trotsky"
                    answer: "Stalin"
                """.formatted(id, title);
    }

    /** The same bank as a draft. */
    static BankDraft draft(String id, String title) {
        BankDraft bank = new BankDraft();
        bank.setId(id);
        bank.setTitle(title);
        QuestionDraft q = new QuestionDraft();
        q.setId("q1");
        q.setType(QuestionType.SINGLE);
        q.setPrompt("Who became General Secretary in 1922?");
        q.setOptions(List.of(new OptionDraft("Stalin", null, true), new OptionDraft("Trotsky", null, false)));
        bank.getQuestions().add(q);
        return bank;
    }
}
