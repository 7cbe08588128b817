package app.quizroom.e2e;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.config.Limits;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Team games over real WebSockets, scored by the README's team rule. */
class TeamGameTest {

    private static final String BANK = "lenin-enrolment";

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);

    @Test
    void twoTeamsOfUnequalSizePlayToThePodiumAndTeamTotalsFollowTheAverageRule() {
        Bank bank = server.bank(BANK);
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", BANK).put("readingSeconds", 0)
                .put("streakBonus", false)
                .put("teams", new JsonObject().put("names", new JsonArray().add("Reds").add("Blues"))
                        .put("playersPick", true).put("cap", 2)));
        String pin = game.pin;
        WsClient host = game.host();
        String[] names = {"Ana", "Ben", "Cy"};
        int[] teamOf = {1, 1, 2};
        List<WsClient> players = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            WsClient p = server.client();
            p.send(new JsonObject().put("type", "join").put("pin", pin).put("name", names[i]));
            assertEquals(2, p.await("chooseTeam").getJsonArray("teams").size(), "players pick: the teams are offered");
            p.send(new JsonObject().put("type", "join").put("pin", pin).put("name", names[i]).put("team", teamOf[i]));
            assertEquals(teamOf[i], p.await("joined").getJsonObject("team").getInteger("id"));
            players.add(p);
        }
        WsClient late = server.client();
        late.send(new JsonObject().put("type", "join").put("pin", pin).put("name", "Dee").put("team", 1));
        JsonObject full = late.await("error");
        assertEquals("team_full", full.getString("code"));
        assertTrue(full.getString("message").contains("Reds"), full.getString("message"));

        game.command("start");
        Map<Integer, Double> teamTotals = new HashMap<>(Map.of(1, 0.0, 2, 0.0));
        for (int qi = 0; qi < bank.questions().size(); qi++) {
            Question q = bank.questions().get(qi);
            List<String> displayed = null;
            for (WsClient p : players) {
                displayed = WholeGameTest.strings(p.await("question").getJsonArray("options"));
                p.await("answering");
            }
            long limit = q.timeLimitSeconds() * 1000L;
            // Ana right at 2 s; Ben right at 4 s on even questions, else silent; Cy right at 1 s.
            int[] points = new int[3];
            time.advance(1_000);
            answer(players.get(2), qi, WholeGameTest.correctAnswer(q, displayed));
            points[2] = classic(q, 1_000, limit);
            time.advance(1_000);
            answer(players.get(0), qi, WholeGameTest.correctAnswer(q, displayed));
            points[0] = classic(q, 2_000, limit);
            if (qi % 2 == 0) {
                time.advance(2_000);
                answer(players.get(1), qi, WholeGameTest.correctAnswer(q, displayed));
                points[1] = classic(q, 4_000, limit);
            } else {
                time.advance(limit); // the deadline closes the question
            }
            teamTotals.merge(1, (points[0] + points[1]) / 2.0, Double::sum);
            teamTotals.merge(2, points[2] / 1.0, Double::sum);
            JsonObject result = players.get(0).await("result");
            assertEquals(Math.round(teamTotals.get(1)), (long) result.getJsonObject("team").getInteger("score"),
                    "Reds after question " + qi);
            host.await("reveal");
            game.command("next");
            JsonArray board = host.await("leaderboard").getJsonArray("teams");
            assertEquals(2, board.size());
            game.command("next");
        }
        JsonArray podium = host.await("podium").getJsonArray("teams");
        Map<String, JsonObject> byName = new HashMap<>();
        podium.forEach(t -> byName.put(((JsonObject) t).getString("name"), (JsonObject) t));
        assertEquals(Math.round(teamTotals.get(1)), (long) byName.get("Reds").getInteger("score"));
        assertEquals(Math.round(teamTotals.get(2)), (long) byName.get("Blues").getInteger("score"));
        assertEquals("Cy", byName.get("Blues").getJsonObject("topContributor").getString("name"));
        assertEquals("Ana", byName.get("Reds").getJsonObject("topContributor").getString("name"));
        String leader = teamTotals.get(2) > teamTotals.get(1) ? "Blues" : "Reds";
        assertEquals(leader, podium.getJsonObject(0).getString("name"), "the smaller team can win on averages");
        time.advance(Limits.PODIUM_REVEAL_MS); // each phone's final standing waits for the podium's reveal
        JsonObject cyFinal = players.get(2).await("final");
        assertEquals("Blues", cyFinal.getJsonObject("team").getString("name"));
        assertEquals(podium.size(), cyFinal.getInteger("teamCount"));
    }

    @Test
    void autoBalanceKeepsTeamSizesWithinOne() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", BANK)
                .put("teams", new JsonObject().put("count", 3)));
        for (int i = 0; i < 7; i++) {
            game.join("P" + i);
        }
        // The host asks again on its socket: the lobby snapshot lists the teams as they now stand.
        game.host().send(new JsonObject().put("type", "host").put("pin", game.pin).put("hostToken", game.hostToken));
        JsonArray teams = game.host().await("lobby").getJsonArray("teams");
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < teams.size(); i++) {
            int size = teams.getJsonObject(i).getInteger("size");
            min = Math.min(min, size);
            max = Math.max(max, size);
        }
        assertEquals(3, teams.size());
        assertTrue(max - min <= 1, "sizes " + teams);
    }

    /** The classic rule without streaks, for a fully right answer. */
    private static int classic(Question q, long t, long limit) {
        if (q.type() == QuestionType.POLL) {
            return 0;
        }
        double speed = t < 500 ? 1.0 : 1.0 - (Math.min(t, limit) / (double) limit) / 2.0;
        return (int) Math.round(q.points() * speed);
    }

    private static void answer(WsClient player, int question, JsonObject fields) {
        player.send(fields.copy().put("type", "answer").put("question", question));
        player.await("answerAck");
    }
}
