package app.quizroom.bank;

import app.quizroom.support.WireNamed;

import java.util.Optional;

/** The kinds of question a bank may hold; {@link #wireName()} is the name used in YAML and in the protocol. */
public enum QuestionType implements WireNamed {
    SINGLE,
    MULTI,
    TRUEFALSE,
    ORDER,
    NUMERIC,
    POLL;

    /** True for the types whose answer is a pick among the options (one or several). */
    public boolean isChoice() {
        return this == SINGLE || this == MULTI || this == TRUEFALSE || this == POLL;
    }

    public static Optional<QuestionType> fromWireName(String name) {
        return WireNamed.fromWireName(QuestionType.class, name);
    }
}
