package app.quizroom.game;

import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Frames a handler wants sent, in the order added, each with its recipients, and connections it wants closed.
 * Built while handling one message or timer and delivered once, by {@link Audience#deliver}, when it is done.
 */
final class Outbox implements Reply {

    /** One thing to send or close; it knows which of the audience's ways of sending it takes. */
    sealed interface Delivery {
        void deliverTo(Audience audience);
    }

    /** To one connection (a player's, or a connection that holds no seat yet). */
    record ToLink(Link link, ServerMessage message) implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            link.send(message);
        }
    }

    /** To whoever is the host when the outbox is delivered. */
    record ToHost(ServerMessage message) implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            audience.sendHost(message);
        }
    }

    /** The same frame to every connected player, encoded once. */
    record ToPlayers(ServerMessage message) implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            audience.broadcast(message);
        }
    }

    /** A frame of their own to every connected player, built as it is sent; timed like a broadcast. */
    record ToEachPlayer(Function<Player, ServerMessage> message) implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            audience.fanOut(message);
        }
    }

    /** An answer came in: the host's running count is due (sent now or shortly, see {@link Audience#countChanged}). */
    record CountChanged() implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            audience.countChanged();
        }
    }

    /** Closes a connection, after everything added before it. */
    record Closing(Link link, CloseCode code, String reason) implements Delivery {
        @Override
        public void deliverTo(Audience audience) {
            link.close(code, reason);
        }
    }

    private final List<Delivery> deliveries = new ArrayList<>(4);

    /** To one connection; nothing if it is null (a player who is not connected). */
    Outbox toLink(Link link, ServerMessage message) {
        if (link != null) {
            deliveries.add(new ToLink(link, message));
        }
        return this;
    }

    Outbox toLink(Link link, List<ServerMessage> messages) {
        messages.forEach(m -> toLink(link, m));
        return this;
    }

    Outbox toHost(ServerMessage message) {
        deliveries.add(new ToHost(message));
        return this;
    }

    Outbox toHost(List<ServerMessage> messages) {
        messages.forEach(this::toHost);
        return this;
    }

    Outbox toPlayers(ServerMessage message) {
        deliveries.add(new ToPlayers(message));
        return this;
    }

    /** To the players, then the host. */
    Outbox toEveryone(ServerMessage message) {
        return toPlayers(message).toHost(message);
    }

    Outbox toEachPlayer(Function<Player, ServerMessage> message) {
        deliveries.add(new ToEachPlayer(message));
        return this;
    }

    Outbox countChanged() {
        deliveries.add(new CountChanged());
        return this;
    }

    Outbox close(Link link, CloseCode code, String reason) {
        deliveries.add(new Closing(link, code, reason));
        return this;
    }

    List<Delivery> deliveries() {
        return deliveries;
    }
}
