package app.quizroom.store;

/**
 * An answer as stored: its player, the answer in displayed terms ({@code GameRecorder.GivenAnswer} as JSON) and its
 * time. Read back in cluster mode when the node that took it is gone before it told the room.
 */
public record StoredAnswer(int playerId, String answerJson, long responseMs) {
}
