package app.quizroom.game;

/** What a room reports about itself; implemented over Micrometer by the server, a no-op in unit tests. */
public interface RoomMetrics {

    void answerAccepted(long handlingNanos);

    void answerRefused(String reason);

    /** An answer's acknowledgement was sent, {@code sinceArrivalMs} after the answer came in; from any thread. */
    void answerAcknowledged(long sinceArrivalMs);

    void broadcast(int recipients, long nanos);

    void playerConnected();

    void playerDisconnected();

    RoomMetrics NONE = new RoomMetrics() {
        @Override
        public void answerAccepted(long handlingNanos) {
        }

        @Override
        public void answerRefused(String reason) {
        }

        @Override
        public void answerAcknowledged(long sinceArrivalMs) {
        }

        @Override
        public void broadcast(int recipients, long nanos) {
        }

        @Override
        public void playerConnected() {
        }

        @Override
        public void playerDisconnected() {
        }
    };
}
