package app.quizroom.game;

import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How frames reach people: broadcasts to the connected players, and the host's answer count, coalesced. */
class AudienceTest {

    private final ManualTime time = new ManualTime();
    private final Roster roster = new Roster(RoomMetrics.NONE);
    /** What the room would say the running count is: null while no answers are open. */
    private ServerMessage.AnswerCount live;
    private final Audience audience = new Audience(roster,
            new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 10),
            () -> live == null ? -1 : live.index(), () -> live);
    private final FakeLink host = new FakeLink();

    @BeforeEach
    void hostAttached() {
        audience.attachHost(host);
    }

    private FakeLink seated(String name) {
        FakeLink link = new FakeLink();
        roster.bind(roster.seat(new Nicknames.Valid(name, Nicknames.key(name))), link);
        return link;
    }

    /** The counts the host got, as "question:answered". */
    private List<String> counts() {
        return host.received.stream().filter(m -> m.path("type").asText().equals("answerCount"))
                .map(m -> m.path("index").asInt() + ":" + m.path("answered").asInt()).toList();
    }

    private void answers(int question, int answered) {
        live = new ServerMessage.AnswerCount(question, answered, 5);
        audience.countChanged();
    }

    @Test
    void aBroadcastReachesEveryConnectedPlayerAndNotTheHost() {
        FakeLink ana = seated("Ana");
        FakeLink ben = seated("Ben");
        roster.unbind(roster.byLink(ben));
        audience.deliver(new Outbox().toPlayers(new ServerMessage.Finished()));
        assertEquals(List.of("finished"), ana.types());
        assertEquals(List.of(), ben.types());
        assertEquals(List.of(), host.types());
    }

    @Test
    void theHostsCountGoesAtOnceThenAtMostEveryIntervalWithTheLatestNumber() {
        answers(0, 1);
        assertEquals(List.of("0:1"), counts(), "the first count goes at once");
        time.advance(50);
        answers(0, 2);
        time.advance(50);
        answers(0, 3);
        assertEquals(List.of("0:1"), counts(), "within 200 ms of the last count");
        time.advance(100);
        assertEquals(List.of("0:1", "0:3"), counts(), "one count, with the number at the time it goes");
    }

    @Test
    void aDelayedCountIsDroppedOnceAnswersToItsQuestionHaveClosed() {
        answers(0, 1);
        time.advance(50);
        answers(0, 2);
        live = null;
        time.advance(200);
        assertEquals(List.of("0:1"), counts());
    }

    @Test
    void aDelayedCountForAnEarlierQuestionDoesNotHoldUpTheNextQuestions() {
        answers(0, 1);
        time.advance(50);
        answers(0, 2);                        // delayed to 200 ms
        time.advance(50);
        live = new ServerMessage.AnswerCount(1, 0, 5);
        audience.deliver(new Outbox().toHost(live)); // question 1 opens at 100 ms
        time.advance(50);
        answers(1, 1);                        // 150 ms: delayed to 300 ms
        time.advance(150);
        assertEquals(List.of("0:1", "1:0", "1:1"), counts());
    }
}
