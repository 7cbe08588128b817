package app.quizroom.game;

import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** A link that records what the room sends, decoded to JSON trees as a client would see them. */
final class FakeLink implements Link {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> received = new ArrayList<>();
    CloseCode closedWith;
    /** The address the room sees; links share one unless a test says otherwise. */
    String address = "";
    int joinsRefused;
    int wrongGuesses;
    /** How often the room said this link took a seat or the host's place. */
    int seatings;

    @Override
    public void send(ServerMessage message) {
        sendEncoded(Codec.encode(message));
    }

    @Override
    public void sendEncoded(String json) {
        try {
            received.add(JSON.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close(CloseCode code, String reason) {
        closedWith = code;
    }

    @Override
    public void seated() {
        seatings++;
    }

    @Override
    public void joinRefused() {
        joinsRefused++;
    }

    @Override
    public void wrongGuess() {
        wrongGuesses++;
    }

    @Override
    public String address() {
        return address;
    }

    JsonNode last(String type) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).path("type").asText().equals(type)) {
                return received.get(i);
            }
        }
        throw new AssertionError("no '" + type + "' among " + types());
    }

    JsonNode lastMessage() {
        return received.get(received.size() - 1);
    }

    List<String> types() {
        return received.stream().map(n -> n.path("type").asText()).toList();
    }

    void clear() {
        received.clear();
    }
}
