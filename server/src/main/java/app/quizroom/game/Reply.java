package app.quizroom.game;

/**
 * What a handler decided, for the room to carry out in one place ({@link Audience#deliver}): a {@link Refusal} for
 * the sender, or an {@link Outbox} of frames with their recipients. Handlers change the state they own and return
 * one of these; they never send anything themselves.
 */
sealed interface Reply permits Refusal, Outbox {
}
