package app.quizroom.bank;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of thinking a question tests, shown in the report's per-question table so a teacher sees what the class
 * got wrong. {@link #isUnderstanding()} marks the kinds the IB Paper 2 exam rewards beyond recall.
 */
public enum Skill {
    RECALL("recall"),
    CHRONOLOGY("chronology"),
    CAUSATION("causation"),
    SIGNIFICANCE("significance"),
    HISTORIOGRAPHY("historiography");

    private final String wireName;

    Skill(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Why something happened, why it mattered, or how historians read it: more than remembering a fact. */
    public boolean isUnderstanding() {
        return this == CAUSATION || this == SIGNIFICANCE || this == HISTORIOGRAPHY;
    }

    public static Optional<Skill> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
