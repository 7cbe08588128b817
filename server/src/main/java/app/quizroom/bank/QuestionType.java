package app.quizroom.bank;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a bank may hold; {@link #wireName()} is the name used in YAML and in the protocol. */
public enum QuestionType {
    SINGLE("single"),
    MULTI("multi"),
    TRUEFALSE("truefalse"),
    ORDER("order"),
    NUMERIC("numeric"),
    POLL("poll");

    private final String wireName;

    QuestionType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the types whose answer is a pick among the options (one or several). */
    public boolean isChoice() {
        return this == SINGLE || this == MULTI || this == TRUEFALSE || this == POLL;
    }

    public static Optional<QuestionType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
