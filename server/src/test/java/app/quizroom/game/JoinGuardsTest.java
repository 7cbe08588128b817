package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.support.GameOptionsBuilder;
import app.quizroom.support.ManualTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the room does about joins that do not belong: two-step join (the pattern, its changes, the wait after wrong
 * patterns), the host's warnings of guessing, and joins that cost their sender rather than the room's allowance.
 * Driven by hand: a direct executor and a manual clock.
 */
class JoinGuardsTest {

    private final ManualTime time = new ManualTime();
    private Room room;
    private FakeLink host;

    private void open(GameOptions options, int joinBurst) {
        room = new Room("123456", "host-secret", RoomTest.bank(), options,
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE,
                        new Room.Limits(100, 1, joinBurst, Blocklist.defaults())),
                "http://x/join/123456", "/qr", GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
    }

    private void twoStep() {
        open(GameOptionsBuilder.defaults().twoStepJoin(true).build(), 150);
    }

    private FakeLink join(String name, List<Integer> pattern, String address) {
        FakeLink link = new FakeLink();
        link.address = address;
        room.onMessage(link, new ClientMessage.Join("123456", name, null, pattern), time.millis());
        return link;
    }

    private List<Integer> shown() {
        List<Integer> pattern = new ArrayList<>();
        host.last("joinPattern").path("pattern").forEach(n -> pattern.add(n.asInt()));
        return pattern;
    }

    private static List<Integer> otherThan(List<Integer> pattern) {
        List<Integer> other = new ArrayList<>(pattern);
        other.set(0, (other.get(0) + 1) % Limits.JOIN_PATTERN_SHAPES);
        return other;
    }

    /** A pattern that is neither of the last two the host was shown (the one before may still be in its grace). */
    private List<Integer> wrongNow() {
        List<List<Integer>> shownLately = new ArrayList<>();
        for (JsonNode m : host.received) {
            if (m.path("type").asText().equals("joinPattern")) {
                List<Integer> p = new ArrayList<>();
                m.path("pattern").forEach(n -> p.add(n.asInt()));
                shownLately.add(p);
            }
        }
        List<Integer> candidate = new ArrayList<>(List.of(0, 0, 0, 0));
        for (int i = 0; ; i++) {
            for (int k = 0; k < Limits.JOIN_PATTERN_LENGTH; k++) {
                candidate.set(k, (i >> (2 * k)) & 3);
            }
            int n = shownLately.size();
            if (!candidate.equals(shownLately.get(n - 1)) && (n < 2 || !candidate.equals(shownLately.get(n - 2)))) {
                return candidate;
            }
        }
    }

    private static String code(FakeLink link) {
        return link.lastMessage().path("code").asText();
    }

    @Test
    void aJoinMustCarryThePatternTheHostShowsAndTheWrongOneIsAMiss() {
        twoStep();
        assertEquals(List.of("hosting", "lobby", "joinPattern"), host.types());
        assertEquals(Limits.JOIN_PATTERN_PERIOD_MS, host.last("joinPattern").path("changesInMs").asLong());
        List<Integer> pattern = shown();
        assertEquals(Limits.JOIN_PATTERN_LENGTH, pattern.size());

        FakeLink bare = join("Ana", null, "10.0.0.1");
        assertEquals("pattern_required", code(bare));
        assertEquals(1, bare.joinsRefused, "a join without the pattern costs its sender");
        assertEquals(0, bare.wrongGuesses, "but is no guess");

        FakeLink wrong = join("Ana", otherThan(pattern), "10.0.0.1");
        assertEquals("pattern_required", code(wrong));
        assertEquals(1, wrong.wrongGuesses, "a wrong pattern counts as a miss");
        assertFalse(host.types().contains("playerJoined"));

        FakeLink right = join("Ben", pattern, "10.0.0.2");
        assertEquals("joined", right.last("joined").path("type").asText());
        assertEquals(0, right.joinsRefused + right.wrongGuesses);
    }

    @Test
    void thePatternChangesEveryThirtySecondsAndTheOldOneIsGoodForAFewSecondsMore() {
        twoStep();
        List<Integer> first = shown();
        host.clear();
        time.advance(Limits.JOIN_PATTERN_PERIOD_MS - 1);
        assertEquals(List.of(), host.types());
        time.advance(1);
        assertEquals(List.of("joinPattern"), host.types());
        List<Integer> second = shown();
        assertNotEquals(first, second, "the projector visibly changes");

        time.advance(Limits.JOIN_PATTERN_GRACE_MS - 1);
        assertEquals("joined", join("Late tapper", first, "10.0.0.1").lastMessage().path("type").asText());
        time.advance(1);
        assertEquals("pattern_required", code(join("Too late", first, "10.0.0.2")));
        assertEquals("joined", join("On time", second, "10.0.0.3").lastMessage().path("type").asText());

        // The change timer is stale-safe: once the game is over, the pattern stays put and nothing more is sent.
        room.onMessage(host, new ClientMessage.End(), time.millis());
        host.clear();
        time.advance(10 * Limits.JOIN_PATTERN_PERIOD_MS);
        assertEquals(List.of(), host.types());
    }

    @Test
    void afterAWrongPatternTheSameAddressWaitsLongerEachTimeWhileOthersJoin() {
        twoStep();
        int checked = 0;
        long waited = 0;
        List<Long> waits = new ArrayList<>();
        // A bot that knows the PIN tries as often as it is let, for an hour, from one address.
        while (waited < 3_600_000) {
            FakeLink bot = join("Bot", wrongNow(), "10.6.6.6");
            if (bot.wrongGuesses == 1) {
                checked++;
            } else {
                assertEquals("rate_limited", code(bot));
                assertEquals(0, bot.wrongGuesses, "a join that is not checked is no guess either");
            }
            // Not even the right pattern is looked at while the address waits.
            FakeLink lucky = join("Lucky bot", shown(), "10.6.6.6");
            assertEquals("rate_limited", code(lucky));
            assertEquals(1, lucky.joinsRefused);
            String words = lucky.lastMessage().path("message").asText();
            long seconds = Long.parseLong(words.replaceAll("\\D+", " ").trim().split(" ")[0]);
            waits.add(seconds);
            time.advance(seconds * 1000);
            waited += seconds * 1000;
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L), waits.subList(0, 10));
        assertTrue(checked <= 20, checked + " patterns checked in an hour from one address");

        // Another address is not held up, and a right pattern clears the wait of its own address.
        assertEquals("joined", join("Student", shown(), "10.0.0.7").lastMessage().path("type").asText());
        time.advance(Limits.JOIN_PATTERN_MAX_WAIT_MS);
        assertEquals("joined", join("Behind the bot", shown(), "10.6.6.6").lastMessage().path("type").asText());
        assertEquals("pattern_required", code(join("Bot", wrongNow(), "10.6.6.6")));
        time.advance(1000);
        assertEquals("pattern_required", code(join("Bot", wrongNow(), "10.6.6.6")),
                "after a right pattern the wait starts again from one second");
        assertEquals("rate_limited", code(join("Bot", wrongNow(), "10.6.6.6")), "now two seconds");
        time.advance(30 * 60_000);
        assertEquals("pattern_required", code(join("Bot", wrongNow(), "10.6.6.6")));
        time.advance(1000);
        assertEquals("pattern_required", code(join("Bot", wrongNow(), "10.6.6.6")),
                "half an hour without a wrong pattern, and the address starts again from one second");
    }

    @Test
    void tenWrongGuessesAtTheRoomInAMinuteWarnTheHostAtMostEveryTenSeconds() {
        open(GameOptions.defaults(), 150);
        host.clear();
        for (int i = 0; i < Limits.GUESS_WARNING_THRESHOLD - 1; i++) {
            FakeLink stranger = new FakeLink();
            room.onMessage(stranger, new ClientMessage.Rejoin("123456", "forged-" + i), time.millis());
            assertEquals("room_not_found", code(stranger), "a token the room never issued looks like no room");
            assertEquals(Room.NO_SUCH_ROOM, stranger.lastMessage().path("message").asText());
            assertEquals(1, stranger.wrongGuesses);
            time.advance(5_000);
        }
        assertEquals(List.of(), host.types(), "nine in 45 s are not yet a warning");
        FakeLink tenth = new FakeLink();
        room.onMessage(tenth, new ClientMessage.Host("123456", "forged-host-key"), time.millis());
        assertEquals("room_not_found", code(tenth));
        JsonNode warning = host.last("guessWarning");
        assertEquals("room", warning.path("scope").asText());
        assertEquals(GuessWatch.ROOM, warning.path("message").asText());

        host.clear();
        for (int i = 0; i < 5; i++) {
            room.onMessage(new FakeLink(), new ClientMessage.Rejoin("123456", "more-" + i), time.millis());
        }
        room.serverScanned();
        assertEquals(List.of(), host.types(), "not again within ten seconds");
        time.advance(Limits.GUESS_WARNING_INTERVAL_MS);
        room.serverScanned();
        assertEquals("server", host.last("guessWarning").path("scope").asText());

        // Spread out, wrong guesses are ordinary mistakes: no warning.
        time.advance(Limits.GUESS_WARNING_WINDOW_MS);
        host.clear();
        for (int i = 0; i < 3 * Limits.GUESS_WARNING_THRESHOLD; i++) {
            time.advance(Limits.GUESS_WARNING_WINDOW_MS / (Limits.GUESS_WARNING_THRESHOLD - 1) + 1);
            room.onMessage(new FakeLink(), new ClientMessage.Rejoin("123456", "slow-" + i), time.millis());
        }
        assertEquals(List.of(), host.types());
    }

    @Test
    void aKickedSeatsTokenAndAConnectionInTheRoomStillGetBadTokenAndNoMissIsCounted() {
        open(GameOptions.defaults(), 150);
        FakeLink ana = join("Ana", null, "");
        int id = ana.last("joined").path("playerId").asInt();
        String token = ana.last("joined").path("seatToken").asText();
        room.onMessage(host, new ClientMessage.Kick(id), time.millis());
        FakeLink back = new FakeLink();
        room.onMessage(back, new ClientMessage.Rejoin("123456", token), time.millis());
        assertEquals("bad_token", code(back));
        assertEquals(0, back.wrongGuesses);

        FakeLink ben = join("Ben", null, "");
        room.onMessage(ben, new ClientMessage.Rejoin("123456", "not-a-token"), time.millis());
        assertEquals("bad_token", code(ben), "a seated connection already knows the room is there");
        room.onMessage(ben, new ClientMessage.Host("123456", "not-the-key"), time.millis());
        assertEquals("bad_token", code(ben));
        assertEquals(0, ben.wrongGuesses);
    }

    @Test
    void joinsRefusedForWhatTheyCarryCostTheSenderAndNotTheRoomsAllowance() {
        // An allowance of five joins and (nearly) no refill: a flood of bad joins must not spend it.
        open(GameOptions.defaults(), 5);
        for (int i = 0; i < 1000; i++) {
            FakeLink bot = join("", null, "10.6.6.6");
            assertEquals("name_invalid", code(bot));
            assertEquals(1, bot.joinsRefused);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals("joined", join("Student " + i, null, "").lastMessage().path("type").asText());
        }
        FakeLink sixth = join("Student 5", null, "");
        assertEquals("rate_limited", code(sixth), "the allowance is spent by seats only, and then it is spent");
        assertEquals(0, sixth.joinsRefused, "the room's own limit does not count against the sender");
    }

    @Test
    void aKickedPhonesJoinsCostTheSenderAndNotTheRoomsAllowance() {
        // An allowance of three joins and (nearly) no refill: the kicked phone's retries must not spend it.
        open(GameOptions.defaults(), 3);
        FakeLink bot = new FakeLink();
        room.onMessage(bot, new ClientMessage.Join("123456", "Bot", null, null, "device-of-bot"), time.millis());
        int botId = bot.last("joined").path("playerId").asInt();
        room.onMessage(host, new ClientMessage.Kick(botId), time.millis());
        for (int i = 0; i < 100; i++) {
            FakeLink again = new FakeLink();
            room.onMessage(again, new ClientMessage.Join("123456", "Bot " + i, null, null, "device-of-bot"),
                    time.millis());
            assertEquals("banned", code(again));
            assertEquals(1, again.joinsRefused, "a banned phone's join costs its sender");
        }
        for (int i = 0; i < 2; i++) {
            assertEquals("joined", join("Student " + i, null, "").lastMessage().path("type").asText(),
                    "the allowance left after the bot's seat is the class's");
        }
    }

    @Test
    void aTeamChoiceCostsTheSenderAndTakesNoSeatSoTheJoinTimeoutStillRuns() {
        open(GameOptionsBuilder.defaults().teams(TeamOptions.generated(2, true, null, 0)).build(), 150);
        FakeLink undecided = new FakeLink();
        room.onMessage(undecided, new ClientMessage.Join("123456", "Ana"), time.millis());
        assertEquals("chooseTeam", undecided.lastMessage().path("type").asText());
        assertEquals(0, undecided.seatings, "a team choice is not a seat");
        assertEquals(1, undecided.joinsRefused);
        room.onMessage(undecided, new ClientMessage.Join("123456", "Ana", 1), time.millis());
        assertEquals(1, undecided.seatings);
    }
}
