package app.quizroom.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP connections that never send a byte, each from a chosen local address (any of 127.0.0.0/8 on Linux), as a
 * descriptor-exhaustion attack opens them; and reading the server's connection metrics from its Prometheus text.
 */
public final class IdleSockets implements AutoCloseable {

    private final int port;
    private final List<Socket> sockets = new ArrayList<>();

    public IdleSockets(int port) {
        this.port = port;
    }

    /** Opens {@code count} connections from this local address to the server on 127.0.0.1. */
    public void open(String from, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            sockets.add(s);
        }
    }

    /** The connections opened so far, in the order opened. */
    public List<Socket> sockets() {
        return sockets;
    }

    /** Closes every connection (those the server closed already included). */
    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed by the server already
            }
        }
        sockets.clear();
    }

    /** A metric's value in Prometheus text, with this {@code reason} label (null: any labels); 0 if absent. */
    public static double metric(String prometheusText, String name, String reason) {
        String labels = reason == null ? "(?:\\{[^}]*})?" : "\\{[^}]*reason=\"" + Pattern.quote(reason) + "\"[^}]*}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.eE+]+)$").matcher(prometheusText);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
