package app.quizroom.protocol;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything the server sends, one record per {@code type}. Frames to players never hold a solution before the
 * reveal: {@link Question} has no answer field at all, and the {@link Solution} travels only in {@link Reveal}
 * and {@link Result}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ServerMessage {

    /** To a player: seated (after join or rejoin). */
    @JsonTypeName("joined")
    record Joined(String pin, int playerId, String name, String seatToken, String bankTitle, String phase,
                  TeamInfo team) implements ServerMessage {
    }

    /** To a player joining a team game where players pick: the teams to choose from; join again with one. */
    @JsonTypeName("chooseTeam")
    record ChooseTeam(List<TeamInfo> teams) implements ServerMessage {
    }

    /** A player's team changed (to the host, and to that player); {@code by} is "host" or "player". */
    @JsonTypeName("teamChanged")
    record TeamChanged(int playerId, TeamInfo team, String by) implements ServerMessage {
    }

    /** Team talk has begun for question {@code index}: discuss; answers open when it ends. */
    @JsonTypeName("talk")
    record Talk(int index, long remainingMs) implements ServerMessage {
    }

    /** To the host: attached to the room. */
    @JsonTypeName("hosting")
    record Hosting(String pin, String joinUrl, String qrUrl, BankInfo bank, GameSettings settings, String phase,
                   long gameId)
            implements ServerMessage {
    }

    /**
     * To the host: every player in the room, sent when the host attaches (in any phase); {@code kicked} the players
     * removed and not let back in (null when none).
     */
    @JsonTypeName("lobby")
    record Lobby(List<PlayerInfo> players, boolean locked, List<TeamInfo> teams, List<RemovedPlayer> kicked)
            implements ServerMessage {
    }

    /** To the host: a player took a new seat; {@code count} is the number of seats now. */
    @JsonTypeName("playerJoined")
    record PlayerJoined(PlayerInfo player, int count) implements ServerMessage {
    }

    /** To the host: a seat is gone for good ({@code reason} "kicked"); {@code count} is the number of seats now. */
    @JsonTypeName("playerLeft")
    record PlayerLeft(int playerId, String reason, int count) implements ServerMessage {
    }

    /**
     * To the host, the answer to {@code kickRecent}: the players removed (each also told {@link Kicked}), and
     * {@code count}, the number of seats now.
     */
    @JsonTypeName("playersKicked")
    record PlayersKicked(int seconds, List<RemovedPlayer> players, int count) implements ServerMessage {
    }

    /** To the host, the answer to {@code unban}: this kicked player's phone may join again. */
    @JsonTypeName("unbanned")
    record Unbanned(int playerId) implements ServerMessage {
    }

    /** To the host: a seated player's connection closed, or a seat was taken back. */
    @JsonTypeName("playerConnection")
    record PlayerConnection(int playerId, boolean connected) implements ServerMessage {
    }

    /**
     * To the host, in a game with two-step join: the shapes phones must tap to join (shape indices: 0 triangle,
     * 1 diamond, 2 circle, 3 square), to be shown large; {@code changesInMs} until the next one.
     */
    @JsonTypeName("joinPattern")
    record JoinPattern(List<Integer> pattern, long changesInMs) implements ServerMessage {
    }

    /**
     * To the host: someone is guessing its way in. {@code scope} "room": wrong seat tokens, host keys or join
     * patterns at this game; "server": the server is being scanned for PINs. {@code message} is meant to be shown.
     */
    @JsonTypeName("guessWarning")
    record GuessWarning(String scope, String message) implements ServerMessage {
    }

    /** To the host: whether new joins are refused, after {@code lock} or {@code unlock}. */
    @JsonTypeName("locked")
    record Locked(boolean locked) implements ServerMessage {
    }

    /**
     * A question, first in phase {@code intro} (reading time) and then, on resume, possibly {@code answering}.
     * For players {@code prompt} and {@code options} are null when the teacher shows text only on the screen.
     * For {@code order} questions {@code options} are the items, shuffled (never in the right order).
     */
    @JsonTypeName("question")
    record Question(int index, int count, String questionType, String prompt, List<String> options, int optionCount,
                    int points, long timeLimitMs, String phase, long remainingMs, Boolean answered, String unit,
                    boolean paused, Image image) implements ServerMessage {
    }

    /**
     * A question's picture: where the server serves it and what it shows, in words, for those who cannot see it.
     * Sent to the host, and to players only when the game's {@code imagesOnPhones} is on.
     */
    record Image(String url, String alt) {
        /** The picture file {@code name} beside the banks, served at {@code /api/images/<name>}. */
        public static Image of(String name, String alt) {
            return name == null ? null : new Image(url(name), alt);
        }

        public static String url(String name) {
            return "/api/images/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Answering has opened for question {@code index}. */
    @JsonTypeName("answering")
    record Answering(int index, long timeLimitMs, long remainingMs) implements ServerMessage {
    }

    /**
     * To a player: the answer was accepted (it says nothing of correctness). {@code saved} true means it is
     * durably stored and survives a crash of the server; false means the results database is failing and the
     * answer is kept in memory and queued for saving.
     */
    @JsonTypeName("answerAck")
    record AnswerAck(int question, String nonce, boolean saved) implements ServerMessage {
    }

    /** To the host: whether results are being saved (sent when that changes, and on attach while failing). */
    @JsonTypeName("storage")
    record Storage(boolean saving, String message) implements ServerMessage {
    }

    /** To everyone: the server is shutting down; reconnect in a moment. */
    @JsonTypeName("shutdown")
    record Shutdown(String message) implements ServerMessage {
    }

    /** To the host: how many have answered so far (coalesced, a few a second at most). */
    @JsonTypeName("answerCount")
    record AnswerCount(int index, int answered, int total) implements ServerMessage {
    }

    /** To the host: the solution, how the class answered, and the explanation. */
    @JsonTypeName("reveal")
    record Reveal(int index, String questionType, Solution solution, Stats stats, String explanation,
                  List<String> optionExplanations, int answered, int total, Image image) implements ServerMessage {
    }

    /** To a player: their own outcome of question {@code index}, with the solution. */
    @JsonTypeName("result")
    record Result(int index, String questionType, Solution solution, boolean answered, boolean correct,
                  double credit, int points, int bonus, int streak, int score, int rank, int playerCount,
                  Ahead ahead, String explanation, String optionExplanation, TeamStanding team, Integer teamCount)
            implements ServerMessage {
    }

    /** To the host: the top of the ranking after question {@code index}. */
    @JsonTypeName("leaderboard")
    record Leaderboard(int index, int count, List<Standing> top, int playerCount, List<TeamStanding> teams)
            implements ServerMessage {
    }

    /** Pause state changed (both roles); {@code remainingMs} is the time left on the frozen countdown. */
    @JsonTypeName("paused")
    record Paused(boolean paused, String phase, int index, long remainingMs) implements ServerMessage {
    }

    /** To the host: the final ranking, everyone. */
    @JsonTypeName("podium")
    record Podium(List<Standing> ranking, int playerCount, List<TeamStanding> teams) implements ServerMessage {
    }

    /** To a player: the top three and their own final standing. */
    @JsonTypeName("final")
    record Final(List<Standing> top, Standing you, int playerCount, TeamStanding team, Integer teamCount)
            implements ServerMessage {
    }

    /** The room is closed (both roles). */
    @JsonTypeName("finished")
    record Finished() implements ServerMessage {
    }

    /** To a player removed by the host; the socket is closed after it. */
    @JsonTypeName("kicked")
    record Kicked() implements ServerMessage {
    }

    /** The answer to a {@code ping}. */
    @JsonTypeName("pong")
    record Pong() implements ServerMessage {
    }

    /** A refused message; nothing changed. {@code ref} names the type of the message refused, if known. */
    @JsonTypeName("error")
    record Error(String code, String message, String ref) implements ServerMessage {
        public Error(ErrorCode code, String message, String ref) {
            this(code.wire(), message, ref);
        }
    }

    // ---- parts ----

    /** The bank a game plays, as the host shows it. */
    record BankInfo(String id, String title, String topic, int questionCount) {
    }

    /**
     * What the teacher chose for the game; {@code timeLimit} is null where each question keeps its own;
     * {@code classSize} the most players the room seats.
     */
    record GameSettings(String scoring, boolean streakBonus, boolean shuffleQuestions, boolean shuffleOptions,
                        boolean showTextOnPhones, Integer timeLimit, int readingSeconds, boolean generatedNames,
                        boolean twoStepJoin, TeamSettings teams, Integer classSize) {
    }

    /** Team play settings; absent in an individual game. */
    record TeamSettings(List<String> names, boolean playersPick, Integer cap, int talkSeconds) {
    }

    /** A team as the lobby shows it; {@code colour} is a palette key (red, blue, …), shown with the name. */
    record TeamInfo(int id, String name, String colour, int size, boolean full) {
    }

    /** A team's place: its total is the sum of its per-question averages; {@code gained} this question's. */
    record TeamStanding(int rank, int teamId, String name, String colour, int score, int gained,
                        Integer previousRank, int size, Contributor topContributor) {
    }

    /** A team's best scorer (on the final screen). */
    record Contributor(int playerId, String name, int score) {
    }

    /** A player the host removed, as the projector lists them to let back in. */
    record RemovedPlayer(int id, String name) {
    }

    /** A seat as the lobby shows it; {@code team} is the team's id, absent in an individual game. */
    record PlayerInfo(int id, String name, boolean connected, Integer team) {
    }

    /**
     * The right answer, in displayed indices: {@code correct} for choice questions, {@code order} (the displayed
     * indices of the items in the right order) for ordering, {@code value} and {@code tolerance} for numeric.
     * Empty for polls.
     */
    record Solution(List<Integer> correct, List<Integer> order, Double value, Double tolerance) {
    }

    /**
     * How the class answered: {@code counts} per displayed option (choice questions), or per displayed item the
     * number who put it in its right place (ordering); {@code values} the numbers given (numeric).
     */
    record Stats(List<Integer> counts, List<ValueCount> values, int correctCount, double averageCredit) {
    }

    /** How many gave one numeric answer. */
    record ValueCount(double value, int count) {
    }

    /** A player's place in a ranking; {@code gained} the points of the last question scored. */
    record Standing(int rank, int playerId, String name, int score, int gained, Integer previousRank,
                    int correctCount) {
    }

    /** The player just ahead in the ranking and by how many points. */
    record Ahead(String name, int gap) {
    }
}
