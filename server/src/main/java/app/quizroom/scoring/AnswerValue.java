package app.quizroom.scoring;

import java.util.List;
import java.util.Set;

/** A player's answer in the bank's own terms (option indices as written in the bank, never as displayed). */
public sealed interface AnswerValue {

    /** Picks among options: one for single, truefalse and poll, one or more for multi. */
    record Choice(Set<Integer> picks) implements AnswerValue {
        public Choice {
            picks = Set.copyOf(picks);
        }
    }

    /** The bank indices of the items in the order the player put them. */
    record Ordering(List<Integer> order) implements AnswerValue {
        public Ordering {
            order = List.copyOf(order);
        }
    }

    record Number(double value) implements AnswerValue {
    }
}
