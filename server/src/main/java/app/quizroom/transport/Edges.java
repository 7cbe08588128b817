package app.quizroom.transport;

import app.quizroom.game.Link;
import app.quizroom.protocol.ClientMessage;

/**
 * Rooms this node does not hold, served for the node that does (cluster mode, docs/cluster.md §4): the
 * {@link Gateway} hands them every hello for a PIN it has no room for, and then everything its connection sends.
 */
public interface Edges {

    /** One connection served for a room held elsewhere. Its methods are called on the connection's event loop. */
    interface Session {

        /** The PIN the connection asked for. */
        String pin();

        /** A message from the connection (not a hello), as decoded and as it came ({@code text}). */
        void onMessage(ClientMessage message, String text, long arrivedAt);

        /** The connection closed. */
        void closed();
    }

    /**
     * A hello for a PIN no room here has, from a connection ({@code socket}) that holds no seat here. Returns the
     * session that serves it, which may be {@code current} (the connection's earlier session, for the same PIN).
     * When no node holds the PIN, {@code miss} runs on the connection's event loop: the Gateway answers as it does
     * to a wrong PIN.
     */
    Session serve(Session current, Link socket, ClientMessage.Hello hello, String text, Runnable miss);
}
