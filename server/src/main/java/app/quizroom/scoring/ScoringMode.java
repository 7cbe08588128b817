package app.quizroom.scoring;

import java.util.Arrays;
import java.util.Optional;

/** How correct answers turn into points and how players are ranked. */
public enum ScoringMode {
    /** Speed-weighted points, optional streak bonus; ranked by points. */
    CLASSIC("classic"),
    /** Every correct answer is worth the question's points; more correct answers always rank higher. */
    ACCURACY("accuracy");

    private final String wireName;

    ScoringMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ScoringMode> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
