package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Team play in the room: placement, the average-based team score, ranking, and the edges. */
class TeamsTest {

    private ManualTime time;
    private Room room;
    private FakeLink host;

    private void newRoom(ScoringMode mode, TeamOptions teams) {
        time = new ManualTime();
        room = new Room("123456", "host-secret", RoomTest.bank(),
                new GameOptions(mode, false, false, false, true, null, 0, false, teams),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 50), "u", "q", GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
    }

    @BeforeEach
    void individualByDefault() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(2, false, null, 0));
    }

    private FakeLink join(String name, Integer team) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Join("123456", name, team), time.millis());
        return link;
    }

    private int teamOf(FakeLink player) {
        return player.last("joined").path("team").path("id").asInt();
    }

    private void command(ClientMessage m) {
        room.onMessage(host, m, time.millis());
    }

    private void answer(FakeLink player, int question, int option) {
        room.onMessage(player, new ClientMessage.Answer(question, option, null, null, null, null), time.millis());
    }

    private Map<String, JsonNode> teamsOnBoard() {
        Map<String, JsonNode> byName = new HashMap<>();
        host.last("leaderboard").path("teams").forEach(t -> byName.put(t.path("name").asText(), t));
        return byName;
    }

    @Test
    void autoBalanceSendsEachNewPlayerToTheSmallestTeam() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(3, false, null, 0));
        int[] sizes = new int[4];
        for (int i = 0; i < 10; i++) {
            sizes[teamOf(join("P" + i, null))]++;
        }
        assertEquals(4, sizes[1]);
        assertEquals(3, sizes[2]);
        assertEquals(3, sizes[3]);
    }

    @Test
    void whenPlayersPickACappedTeamRefusesNewcomersOnceFull() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(2, true, 2, 0));
        FakeLink undecided = join("Undecided", null);
        assertEquals("chooseTeam", undecided.lastMessage().path("type").asText());
        assertEquals(2, undecided.lastMessage().path("teams").size());
        join("Ana", 1);
        join("Ben", 1);
        FakeLink third = join("Cy", 1);
        assertEquals("team_full", third.lastMessage().path("code").asText());
        assertTrue(third.lastMessage().path("message").asText().contains("full"));
        assertEquals(2, teamOf(join("Cy", 2)));
    }

    @Test
    void aTeamsScoreIsTheAverageOfItsMembersWithMissingAnswersAsZero() {
        // Red: Ana alone. Blue: Ben and Cy (Cy never answers).
        newRoom(ScoringMode.CLASSIC, new TeamOptions(List.of("Red", "Blue"), true, null, 0));
        FakeLink ana = join("Ana", 1);
        FakeLink ben = join("Ben", 2);
        join("Cy", 2);
        command(new ClientMessage.Start());
        time.advance(10_000);
        answer(ana, 0, 0);                    // right at 10 s: 750
        answer(ben, 0, 0);                    // right at 10 s: 750
        command(new ClientMessage.Skip());
        command(new ClientMessage.Next());
        Map<String, JsonNode> board = teamsOnBoard();
        assertEquals(750, board.get("Red").path("score").asInt());
        assertEquals(375, board.get("Blue").path("score").asInt(), "(750 + 0) / 2");
        assertEquals(1, board.get("Red").path("rank").asInt());
        JsonNode benResult = ben.last("result").path("team");
        assertEquals("Blue", benResult.path("name").asText());
        assertEquals(2, benResult.path("rank").asInt());
        assertEquals(2, ben.last("result").path("teamCount").asInt());
    }

    @Test
    void aTeamThatEmptiesKeepsItsScoreAndAKickedPlayerAddsNothingLater() {
        newRoom(ScoringMode.CLASSIC, new TeamOptions(List.of("Red", "Blue"), true, null, 0));
        FakeLink ana = join("Ana", 1);
        FakeLink ben = join("Ben", 2);
        FakeLink cy = join("Cy", 2);
        command(new ClientMessage.Start());
        answer(ana, 0, 0);                    // 1000 each, instantly
        answer(ben, 0, 0);
        answer(cy, 0, 1);                     // wrong
        command(new ClientMessage.Next());
        command(new ClientMessage.Next());    // question 1
        command(new ClientMessage.Kick(ana.last("joined").path("playerId").asInt()));
        command(new ClientMessage.Kick(cy.last("joined").path("playerId").asInt()));
        answer(ben, 1, 1);                    // right (False): 1000
        command(new ClientMessage.Next());
        Map<String, JsonNode> board = teamsOnBoard();
        assertEquals(1000, board.get("Red").path("score").asInt(), "an empty team keeps its score");
        assertEquals(0, board.get("Red").path("size").asInt());
        assertEquals(500 + 1000, board.get("Blue").path("score").asInt(), "(1000+0)/2, then Ben alone: 1000");
    }

    @Test
    void accuracyModeRanksTeamsByTheirShareOfRightAnswersFirst() {
        newRoom(ScoringMode.ACCURACY, new TeamOptions(List.of("Red", "Blue"), true, null, 0));
        FakeLink ana = join("Ana", 1);
        FakeLink ben = join("Ben", 2);
        command(new ClientMessage.Start());
        time.advance(1_000);
        answer(ana, 0, 0);
        time.advance(4_000);
        answer(ben, 0, 0);
        command(new ClientMessage.Next());
        assertEquals("Red", host.last("leaderboard").path("teams").get(0).path("name").asText(),
                "equal points and right answers: the faster team first");
        command(new ClientMessage.Next());
        answer(ana, 1, 0);                    // wrong
        answer(ben, 1, 1);                    // right
        command(new ClientMessage.Next());
        assertEquals("Blue", host.last("leaderboard").path("teams").get(0).path("name").asText());
    }

    @Test
    void aTeamWithNoPlayersAtTheStartIsNotCreated() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(3, true, null, 0));
        join("Ana", 1);
        join("Ben", 3);
        command(new ClientMessage.Start());
        JsonNode lobby = host.last("lobby");
        assertEquals(2, lobby.path("teams").size());
        List<String> names = new ArrayList<>();
        lobby.path("teams").forEach(t -> names.add(t.path("name").asText()));
        assertEquals(List.of("Red team", "Green team"), names);
    }

    @Test
    void playersCannotSwitchTeamOnceTheGameStartsButTheHostCanMoveThem() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(2, true, null, 0));
        FakeLink ana = join("Ana", 1);
        join("Ben", 2);
        room.onMessage(ana, new ClientMessage.SwitchTeam(2), time.millis());
        assertEquals(2, ana.last("teamChanged").path("team").path("id").asInt());
        room.onMessage(ana, new ClientMessage.SwitchTeam(1), time.millis());
        command(new ClientMessage.Start());
        room.onMessage(ana, new ClientMessage.SwitchTeam(2), time.millis());
        assertEquals("wrong_phase", ana.lastMessage().path("code").asText());
        command(new ClientMessage.MoveTeam(ana.last("joined").path("playerId").asInt(), 2));
        JsonNode moved = host.last("teamChanged");
        assertEquals("host", moved.path("by").asText());
        assertEquals(2, moved.path("team").path("id").asInt());
        assertEquals(2, ana.last("teamChanged").path("team").path("id").asInt());
    }

    @Test
    void skippingTheReadingTimeStillGivesTheTeamsTheirTalk() {
        time = new ManualTime();
        room = new Room("123456", "host-secret", RoomTest.bank(),
                new GameOptions(ScoringMode.CLASSIC, false, false, false, true, null, 10, false,
                        TeamOptions.generated(2, false, null, 15)),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 50), "u", "q", GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        join("Ana", null);
        command(new ClientMessage.Start());
        assertEquals(Phase.INTRO, room.phase());
        command(new ClientMessage.Next());
        assertEquals(Phase.TALK, room.phase());
        command(new ClientMessage.Next());
        assertEquals(Phase.ANSWERING, room.phase());
    }

    @Test
    void teamTalkKeepsAnswersClosedUntilItEnds() {
        newRoom(ScoringMode.CLASSIC, TeamOptions.generated(2, false, null, 15));
        FakeLink ana = join("Ana", null);
        command(new ClientMessage.Start());
        assertEquals(Phase.TALK, room.phase());
        assertEquals(15_000, ana.last("talk").path("remainingMs").asLong());
        answer(ana, 0, 0);
        assertEquals("too_early", ana.lastMessage().path("code").asText());
        time.advance(15_000);
        assertEquals(Phase.ANSWERING, room.phase());
        answer(ana, 0, 0);
        assertEquals("answerAck", ana.last("answerAck").path("type").asText());
    }
}
