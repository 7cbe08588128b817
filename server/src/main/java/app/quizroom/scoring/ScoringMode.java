package app.quizroom.scoring;

import app.quizroom.support.WireNamed;

import java.util.Optional;

/** How correct answers turn into points and how players are ranked. */
public enum ScoringMode implements WireNamed {
    /** Speed-weighted points, optional streak bonus; ranked by points. */
    CLASSIC,
    /** Every correct answer is worth the question's points; more correct answers always rank higher. */
    ACCURACY;

    public static Optional<ScoringMode> fromWireName(String name) {
        return WireNamed.fromWireName(ScoringMode.class, name);
    }
}
