package app.quizroom.bank;

import app.quizroom.support.WireNamed;

import java.util.Optional;

/**
 * The kind of thinking a question tests, shown in the report's per-question table so a teacher sees what the class
 * got wrong. {@link #isUnderstanding()} marks the kinds the IB Paper 2 exam rewards beyond recall.
 */
public enum Skill implements WireNamed {
    RECALL,
    CHRONOLOGY,
    CAUSATION,
    SIGNIFICANCE,
    HISTORIOGRAPHY;

    /** Why something happened, why it mattered, or how historians read it: more than remembering a fact. */
    public boolean isUnderstanding() {
        return this == CAUSATION || this == SIGNIFICANCE || this == HISTORIOGRAPHY;
    }

    public static Optional<Skill> fromWireName(String name) {
        return WireNamed.fromWireName(Skill.class, name);
    }
}
