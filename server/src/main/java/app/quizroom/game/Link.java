package app.quizroom.game;

import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ServerMessage;

/** One client connection as the game sees it: somewhere to send messages, and a way to close it. */
public interface Link {

    void send(ServerMessage message);

    /** Sends a message already encoded once for many recipients. */
    void sendEncoded(String json);

    /**
     * Sends a frame encoded once for many recipients; a link over a socket writes its bytes as they are, so the
     * frame is neither encoded again nor copied for each recipient.
     */
    default void sendShared(SharedFrame frame) {
        sendEncoded(frame.json());
    }

    /**
     * Sends a message that may be dropped if this client is not keeping up (a newer one will follow), such as
     * the host's running answer count.
     */
    default void sendDroppable(ServerMessage message) {
        send(message);
    }

    /**
     * True if {@link #send} may be called from any thread, not only the room's: an answer's acknowledgement is then
     * sent from the store's thread as soon as the answer is committed.
     */
    default boolean sendsFromAnyThread() {
        return false;
    }

    /** Closes the connection after the messages sent before; {@code reason} goes in the close frame. */
    void close(CloseCode code, String reason);

    /** Called by the room once this connection holds a seat or the host's place in it. */
    default void seated() {
    }

    /** Called by the room once this connection holds the seat of player {@code playerId}. */
    default void seatedAs(int playerId) {
        seated();
    }

    /**
     * The room refused a join from this connection for what it carried (a name, a team, a join pattern) or offered
     * it the teams to choose from: such joins cost the connection that sends them, never the room's allowance.
     */
    default void joinRefused() {
    }

    /**
     * The room found a guess from this connection wrong (a seat or host token it never issued, a wrong join
     * pattern), after answering it: the guess counts against the connection and its address as a wrong PIN does.
     */
    default void wrongGuess() {
    }

    /** The address the connection comes from, for limits kept per address; empty when there is none. */
    default String address() {
        return "";
    }
}
