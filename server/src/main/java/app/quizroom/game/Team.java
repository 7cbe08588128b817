package app.quizroom.game;

import java.util.LinkedHashSet;
import java.util.Set;

/** A team in a room. Owned by its room, like its players. */
final class Team {

    final int id;
    final String name;
    /** A palette key the pages map to a colour (with the name, never colour alone). */
    final String colour;
    final Set<Player> members = new LinkedHashSet<>();
    /** The sum of the team's per-question averages. */
    double score;
    /** Accuracy mode: the sum over questions of the share of members fully right. */
    double correct;
    /** The sum over questions of the members' average response time of right answers. */
    double correctTimeMs;
    double lastGained;
    int rank;
    Integer previousRank;

    Team(int id, String name, String colour) {
        this.id = id;
        this.name = name;
        this.colour = colour;
    }

    int roundedScore() {
        return (int) Math.round(score);
    }
}
