package app.quizroom.transport;

import app.quizroom.config.Limits;
import app.quizroom.game.GameOptions;
import app.quizroom.game.Nicknames;
import app.quizroom.game.TeamOptions;
import app.quizroom.scoring.ScoringMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/games}: a bank and the game's options (docs/protocol.md §2.4). An absent or null
 * field takes its default; unknown fields are ignored.
 *
 * <p>The documentation promises which fault is reported when there are several, field by field. So Jackson reads
 * the fields in that order and checks each one's type as it comes, and the builders check each value as soon as it
 * is set, not all at once at the end.
 */
@JsonDeserialize(builder = CreateGameRequest.Builder.class)
record CreateGameRequest(String bankId, GameOptions options) {

    /** The fields in the order the documentation checks them. */
    private static final List<String> FIELDS = List.of("bankId", "scoring", "timeLimit", "streakBonus",
            "shuffleQuestions", "shuffleOptions", "showTextOnPhones", "readingSeconds", "generatedNames", "twoStepJoin",
            "teams", "imagesOnPhones");
    /** Likewise inside {@code teams}, where {@code count} is not read at all when {@code names} is given. */
    private static final List<String> TEAM_FIELDS = List.of("playersPick", "cap", "talkSeconds", "names", "count");

    private static final WholeNumber TIME_LIMIT = new WholeNumber("timeLimit", Limits.MIN_TIME_SECONDS,
            Limits.MAX_TIME_SECONDS);
    private static final WholeNumber READING_SECONDS = new WholeNumber("readingSeconds", 0,
            Limits.MAX_READING_SECONDS);
    private static final WholeNumber CAP = new WholeNumber("cap", 1, Limits.MAX_TEAM_CAP);
    private static final WholeNumber TALK_SECONDS = new WholeNumber("talkSeconds", 0, Limits.MAX_TALK_SECONDS);
    private static final WholeNumber COUNT = new WholeNumber("count", Limits.MIN_TEAMS, Limits.MAX_TEAMS);
    private static final String NAMES_RULE = "'teams.names' must list " + Limits.MIN_TEAMS + " to " + Limits.MAX_TEAMS
            + " names";

    /**
     * Decodes the options of a request whose body is a JSON object, {@code classSize} last: its range (1 to
     * {@code maxClassSize}, QUIZROOM_MAX_PLAYERS) is the server's, so it is checked here rather than by a builder.
     *
     * @throws IllegalArgumentException with the documented message for the first faulty field
     */
    static CreateGameRequest decode(JsonNode body, int maxClassSize) {
        CreateGameRequest request = decode(body);
        JsonNode size = body.get("classSize");
        if (size == null || size.isNull()) {
            return new CreateGameRequest(request.bankId(), request.options().withClassSizeWithin(maxClassSize));
        }
        if (!size.isInt() || size.intValue() < 1 || size.intValue() > maxClassSize) {
            throw new IllegalArgumentException("'classSize' must be a whole number from 1 to " + maxClassSize);
        }
        return new CreateGameRequest(request.bankId(), request.options().withClassSize(size.intValue()));
    }

    /**
     * Decodes the options of a request whose body is a JSON object, all but {@code classSize}.
     *
     * @throws IllegalArgumentException with the documented message for the first faulty field
     */
    static CreateGameRequest decode(JsonNode body) {
        try {
            return HttpJson.MAPPER.treeToValue(inCheckOrder(body), CreateGameRequest.class);
        } catch (JsonMappingException e) {
            // A builder refused the value, or Jackson refused its type.
            throw e.getCause() instanceof IllegalArgumentException refused ? refused
                    : new IllegalArgumentException(wrongType(e.getPath().get(e.getPath().size() - 1).getFieldName()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always parses", e);
        }
    }

    private static ObjectNode inCheckOrder(JsonNode body) {
        ObjectNode ordered = select(body, FIELDS);
        JsonNode teams = body.get("teams");
        if (teams != null && teams.isObject()) {
            ObjectNode teamFields = select(teams, TEAM_FIELDS);
            JsonNode names = teams.get("names");
            if (names != null && !names.isNull()) {
                teamFields.remove("count");
            }
            ordered.set("teams", teamFields);
        }
        return ordered;
    }

    private static ObjectNode select(JsonNode object, List<String> fields) {
        ObjectNode selected = HttpJson.MAPPER.createObjectNode();
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value != null) {
                selected.set(field, value);
            }
        }
        return selected;
    }

    /** What to say about a field whose JSON type is wrong. */
    private static String wrongType(String field) {
        return switch (field) {
            case "scoring" -> "'scoring' must be a text";
            case "timeLimit" -> TIME_LIMIT.rule();
            case "readingSeconds" -> READING_SECONDS.rule();
            case "teams" -> "'teams' must be an object with 'count' or 'names'";
            case "cap" -> CAP.rule();
            case "talkSeconds" -> TALK_SECONDS.rule();
            case "count" -> COUNT.rule();
            case "names" -> NAMES_RULE;
            default -> "'" + field + "' must be true or false";
        };
    }

    /** A whole-number field; its one message serves for a wrong type and for a value out of range. */
    private record WholeNumber(String field, int min, int max) {
        String rule() {
            return "'" + field + "' must be a whole number from " + min + " to " + max;
        }

        /** The value, or null when absent; throws when out of range. */
        Integer check(Integer value) {
            if (value != null && (value < min || value > max)) {
                throw new IllegalArgumentException(rule());
            }
            return value;
        }
    }

    @JsonPOJOBuilder(withPrefix = "")
    static final class Builder {
        private static final GameOptions DEFAULTS = GameOptions.defaults();

        private String bankId;
        private ScoringMode scoring = DEFAULTS.scoring();
        private Integer timeLimit = DEFAULTS.timeLimitSeconds();
        private boolean streakBonus = DEFAULTS.streakBonus();
        private boolean shuffleQuestions = DEFAULTS.shuffleQuestions();
        private boolean shuffleOptions = DEFAULTS.shuffleOptions();
        private boolean showTextOnPhones = DEFAULTS.showTextOnPhones();
        private int readingSeconds = DEFAULTS.readingSeconds();
        private boolean generatedNames = DEFAULTS.generatedNames();
        private boolean twoStepJoin = DEFAULTS.twoStepJoin();
        private TeamOptions teams;
        private boolean imagesOnPhones = DEFAULTS.imagesOnPhones();

        Builder bankId(String id) {
            bankId = id;
            return this;
        }

        Builder scoring(String wireName) {
            if (wireName != null) {
                scoring = ScoringMode.fromWireName(wireName).orElseThrow(
                        () -> new IllegalArgumentException("'scoring' must be classic or accuracy"));
            }
            return this;
        }

        Builder timeLimit(Integer seconds) {
            timeLimit = TIME_LIMIT.check(seconds);
            return this;
        }

        Builder streakBonus(Boolean on) {
            streakBonus = on == null ? streakBonus : on;
            return this;
        }

        Builder shuffleQuestions(Boolean on) {
            shuffleQuestions = on == null ? shuffleQuestions : on;
            return this;
        }

        Builder shuffleOptions(Boolean on) {
            shuffleOptions = on == null ? shuffleOptions : on;
            return this;
        }

        Builder showTextOnPhones(Boolean on) {
            showTextOnPhones = on == null ? showTextOnPhones : on;
            return this;
        }

        Builder readingSeconds(Integer seconds) {
            readingSeconds = seconds == null ? readingSeconds : READING_SECONDS.check(seconds);
            return this;
        }

        Builder generatedNames(Boolean on) {
            generatedNames = on == null ? generatedNames : on;
            return this;
        }

        Builder twoStepJoin(Boolean on) {
            twoStepJoin = on == null ? twoStepJoin : on;
            return this;
        }

        Builder teams(Teams given) {
            teams = given == null ? null : given.options();
            return this;
        }

        Builder imagesOnPhones(Boolean on) {
            imagesOnPhones = on == null ? imagesOnPhones : on;
            return this;
        }

        CreateGameRequest build() {
            return new CreateGameRequest(bankId, new GameOptions(scoring, streakBonus, shuffleQuestions,
                    shuffleOptions, showTextOnPhones, timeLimit, readingSeconds, generatedNames, teams, twoStepJoin,
                    imagesOnPhones, null));
        }
    }

    /**
     * {@code "teams": {"count": 4} or {"names": ["Reds", "Blues"]}, "playersPick": false, "cap": null,
     * "talkSeconds": 0}}: team play; absent or null for an individual game.
     */
    @JsonDeserialize(builder = TeamsBuilder.class)
    record Teams(TeamOptions options) {
    }

    @JsonPOJOBuilder(withPrefix = "")
    static final class TeamsBuilder {
        private boolean playersPick;
        private Integer cap;
        private int talkSeconds;
        private List<String> names;
        private Integer count;

        TeamsBuilder playersPick(Boolean pick) {
            playersPick = pick == null ? playersPick : pick;
            return this;
        }

        TeamsBuilder cap(Integer most) {
            cap = CAP.check(most);
            return this;
        }

        TeamsBuilder talkSeconds(Integer seconds) {
            talkSeconds = seconds == null ? talkSeconds : TALK_SECONDS.check(seconds);
            return this;
        }

        /** Taken as JSON values, so that the list's length is checked before any one name's type. */
        TeamsBuilder names(List<JsonNode> given) {
            if (given == null) {
                return this;
            }
            if (given.size() < Limits.MIN_TEAMS || given.size() > Limits.MAX_TEAMS) {
                throw new IllegalArgumentException(NAMES_RULE);
            }
            names = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (JsonNode name : given) {
                if (name == null || !name.isTextual()
                        || !(Nicknames.check(name.textValue()) instanceof Nicknames.Valid valid)) {
                    throw new IllegalArgumentException("team name '" + HttpJson.quoted(name) + "' is not valid (1–"
                            + Limits.MAX_NAME_CHARS + " visible characters)");
                }
                if (!keys.add(valid.key())) {
                    throw new IllegalArgumentException("team name '" + valid.display() + "' is given twice");
                }
                names.add(valid.display());
            }
            return this;
        }

        TeamsBuilder count(Integer teams) {
            count = COUNT.check(teams);
            return this;
        }

        Teams build() {
            if (names != null) {
                return new Teams(new TeamOptions(names, playersPick, cap, talkSeconds));
            }
            if (count == null) {
                throw new IllegalArgumentException("'teams' needs 'count' (" + Limits.MIN_TEAMS + "–"
                        + Limits.MAX_TEAMS + ") or 'names'");
            }
            return new Teams(TeamOptions.generated(count, playersPick, cap, talkSeconds));
        }
    }
}
