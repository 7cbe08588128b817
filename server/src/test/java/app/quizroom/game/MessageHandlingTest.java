package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.Handlers;
import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No client message is dropped in silence: every type the codec knows (each record under {@link ClientMessage}, so a
 * new one is tried without anyone listing it) gets an answer from the room when its role sends it, and belongs to a
 * role that the room or the edge handles. Building a room checks that each role's {@link Handlers} table covers
 * every record of the role.
 */
class MessageHandlingTest {

    private final ManualTime time = new ManualTime();
    private Room room;
    private FakeLink host;
    private FakeLink player;

    /** A lobby with its host and one player (id 1), before any message of the test. */
    private void lobby() {
        room = new Room("123456", "host-secret", RoomTest.bank(), GameOptions.defaults(),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 10), "u", "q", GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        player = new FakeLink();
        room.onMessage(player, new ClientMessage.Join("123456", "Ana"), time.millis());
    }

    private void answered(FakeLink sender, ClientMessage message) {
        int before = sender.received.size();
        room.onMessage(sender, message, time.millis());
        assertTrue(sender.received.size() > before, "nothing came back for " + message);
    }

    @Test
    void everyHelloFromANewConnectionGetsAnAnswer() {
        for (ClientMessage message : samples(ClientMessage.Hello.class)) {
            lobby();
            answered(new FakeLink(), message);
        }
    }

    @Test
    void everyPlayerCommandFromASeatGetsAnAnswer() {
        for (ClientMessage message : samples(ClientMessage.PlayerCommand.class)) {
            lobby();
            answered(player, message);
        }
    }

    @Test
    void everyHostCommandFromTheHostGetsAnAnswer() {
        for (ClientMessage message : samples(ClientMessage.HostCommand.class)) {
            lobby();
            answered(host, message);
        }
    }

    @Test
    void everyCommandFromTheWrongRoleIsRefused() {
        lobby();
        for (ClientMessage message : samples(ClientMessage.HostCommand.class)) {
            answered(player, message);
            assertEquals("not_allowed", player.lastMessage().path("code").asText(), message.toString());
        }
        for (ClientMessage message : samples(ClientMessage.PlayerCommand.class)) {
            answered(host, message);
            assertEquals("error", host.lastMessage().path("type").asText(), message.toString());
        }
    }

    @Test
    void everyClientMessageBelongsToARoleTheRoomHandlesOrIsAnsweredAtTheEdge() {
        List<Class<?>> roles = List.of(ClientMessage.Hello.class, ClientMessage.PlayerCommand.class,
                ClientMessage.HostCommand.class, ClientMessage.Ping.class);
        for (Class<?> type : Codec.clientTypes().values()) {
            if (roles.stream().noneMatch(role -> role.isAssignableFrom(type))) {
                fail(type.getSimpleName() + " has no role that the room or the edge handles");
            }
        }
    }

    @Test
    void aHandlerTableThatLeavesARecordOfItsRoleOutIsRefused() {
        Handlers<ClientMessage.PlayerCommand, Void, String> partial = new Handlers<ClientMessage.PlayerCommand, Void,
                String>(ClientMessage.PlayerCommand.class).on(ClientMessage.Answer.class, (answer, none) -> "answer");
        IllegalStateException refused = assertThrows(IllegalStateException.class, partial::complete);
        assertTrue(refused.getMessage().contains("SwitchTeam"), refused.getMessage());
        assertEquals("answer", partial.on(ClientMessage.SwitchTeam.class, (sw, none) -> "switch").complete()
                .handle(new ClientMessage.Answer(0, 1, null, null, null, null), null));
    }

    /** One instance of each record under {@code role}, with plausible field values. */
    private static List<ClientMessage> samples(Class<? extends ClientMessage> role) {
        List<ClientMessage> samples = new ArrayList<>();
        for (Class<? extends ClientMessage> type : Codec.clientTypes().values()) {
            if (!role.isAssignableFrom(type)) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sampleValue(types[i]);
            }
            try {
                samples.add(type.getDeclaredConstructor(types).newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build a " + type.getSimpleName(), e);
            }
        }
        assertFalse(samples.isEmpty(), "no message types under " + role.getSimpleName());
        return samples;
    }

    private static Object sampleValue(Class<?> type) {
        if (type == Integer.class) {
            return 1;
        }
        if (type == Double.class) {
            return 1.0;
        }
        if (type == List.class) {
            return List.of(0, 0, 0, 0); // four, as a join pattern needs
        }
        if (type == String.class) {
            return "Ben";
        }
        throw new AssertionError("no sample value for a field of type " + type);
    }
}
