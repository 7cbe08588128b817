package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a game's end is recorded for its report (played to the end, ended early by the host, cut short by the
 * server), and what the team podium says of a team nobody scored for.
 */
class GameEndingTest {

    private final List<GameRecorder.Ending> endings = new ArrayList<>();
    private ManualTime time;
    private Room room;
    private FakeLink host;

    /** Records how the game ended; everything else it does as {@link GameRecorder#NONE}. */
    private final GameRecorder recorder = (GameRecorder) Proxy.newProxyInstance(GameRecorder.class.getClassLoader(),
            new Class<?>[] {GameRecorder.class}, (proxy, method, args) -> {
                if (method.getName().equals("gameEnded")) {
                    endings.add((GameRecorder.Ending) args[0]);
                }
                return method.invoke(GameRecorder.NONE, args);
            });

    private void newRoom(TeamOptions teams) {
        time = new ManualTime();
        room = new Room("123456", "host-secret", RoomTest.bank(),
                new GameOptions(ScoringMode.CLASSIC, false, false, false, true, null, 0, false, teams),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 50), "u", "q", recorder);
        host = new FakeLink();
        command(new ClientMessage.Host("123456", "host-secret"));
    }

    @BeforeEach
    void individual() {
        newRoom(null);
    }

    private void command(ClientMessage m) {
        room.onMessage(host, m, time.millis());
    }

    private FakeLink join(String name, Integer team) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Join("123456", name, team), time.millis());
        return link;
    }

    private void answer(FakeLink player, int question, int option) {
        room.onMessage(player, new ClientMessage.Answer(question, option, null, null, null, null), time.millis());
    }

    @Test
    void theHostEndingBeforeTheLastQuestionClosedIsAnEarlyEnd() {
        FakeLink ana = join("Ana", null);
        command(new ClientMessage.Start());
        answer(ana, 0, 0);
        command(new ClientMessage.Next());    // leaderboard
        command(new ClientMessage.Next());    // question 2 of 3, open
        command(new ClientMessage.End());
        host.last("podium");
        assertEquals(List.of(GameRecorder.Ending.ENDED_EARLY), endings);
    }

    @Test
    void endingAtTheLastQuestionsRevealOrPlayingThroughIsTheEnd() {
        FakeLink ana = join("Ana", null);
        command(new ClientMessage.Start());
        for (int q = 0; q < 3; q++) {
            answer(ana, q, 0);
            if (q < 2) {
                command(new ClientMessage.Next());
                command(new ClientMessage.Next());
            }
        }
        command(new ClientMessage.End()); // at the last question's reveal: nothing was cut short
        assertEquals(List.of(GameRecorder.Ending.FINISHED), endings);

        newRoom(null);
        endings.clear();
        FakeLink ben = join("Ben", null);
        command(new ClientMessage.Start());
        for (int q = 0; q < 3; q++) {
            answer(ben, q, 0);
            command(new ClientMessage.Next());
            command(new ClientMessage.Next());
        }
        host.last("podium");
        assertEquals(List.of(GameRecorder.Ending.FINISHED), endings);
    }

    @Test
    void aLobbyEndedOrSweptIsFinishedAndAGameClosedMidwayIsInterrupted() {
        command(new ClientMessage.End());
        assertEquals(List.of(GameRecorder.Ending.FINISHED), endings);

        newRoom(null);
        endings.clear();
        join("Ana", null);
        command(new ClientMessage.Start());
        room.close();
        assertEquals(List.of(GameRecorder.Ending.INTERRUPTED), endings);
    }

    @Test
    void aTeamNobodyScoredForHasNoTopContributorOnThePodium() {
        newRoom(new TeamOptions(List.of("Red", "Blue"), true, null, 0));
        FakeLink ana = join("Ana", 1);
        FakeLink ben = join("Ben", 2);
        FakeLink cy = join("Cy", 2);
        command(new ClientMessage.Start());
        answer(ana, 0, 0);                    // right
        answer(ben, 0, 1);                    // wrong
        answer(cy, 0, 2);                     // wrong: the question closes
        command(new ClientMessage.End());
        Map<String, JsonNode> podium = new HashMap<>();
        host.last("podium").path("teams").forEach(t -> podium.put(t.path("name").asText(), t));
        assertEquals("Ana", podium.get("Red").path("topContributor").path("name").asText());
        assertEquals(0, podium.get("Blue").path("score").asInt());
        assertEquals(2, podium.get("Blue").path("size").asInt());
        assertTrue(podium.get("Blue").path("topContributor").isMissingNode(),
                "no 'Top contributor: Ben (0)': " + podium.get("Blue"));
    }
}
