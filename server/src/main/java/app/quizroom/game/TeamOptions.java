package app.quizroom.game;

import app.quizroom.config.Limits;
import java.util.List;

/**
 * Team play, as the teacher set it up.
 *
 * @param names       the teams' names (generated colours when the teacher gives only a number)
 * @param playersPick true: players choose a team when joining; false: each new player goes to the smallest team
 * @param cap         the most players a team may have (null: no cap)
 * @param talkSeconds a pause after the reading time, question and options visible, before answers open (0: none)
 */
public record TeamOptions(List<String> names, boolean playersPick, Integer cap, int talkSeconds) {

    public static final int MIN_TEAMS = Limits.MIN_TEAMS;
    public static final int MAX_TEAMS = Limits.MAX_TEAMS;
    public static final int MAX_TALK_SECONDS = Limits.MAX_TALK_SECONDS;

    /** Friendly names for generated teams, each with the colour it is shown in. */
    public static final List<String> COLOURS = List.of("Red", "Blue", "Green", "Yellow", "Purple", "Orange", "Teal",
            "Pink", "Grey", "Brown");

    public TeamOptions {
        names = List.copyOf(names);
    }

    public static TeamOptions generated(int count, boolean playersPick, Integer cap, int talkSeconds) {
        return new TeamOptions(COLOURS.subList(0, count).stream().map(c -> c + " team").toList(), playersPick, cap,
                talkSeconds);
    }
}
