package app.quizroom.game;

import app.quizroom.protocol.ErrorCode;

/**
 * A request the rules turn down: the error code and the message for the sender. It is the one way the game
 * refuses anything: every check and handler that can refuse returns a sealed result of which this is a branch
 * (nothing refuses by throwing), and the room sends it back as an {@code error} frame naming the refused message.
 */
public record Refusal(ErrorCode code, String message)
        implements Reply, Admission.Outcome, AnswerDesk.Outcome, Nicknames.Result, QuestionRun.Translation,
        Teams.Placement, EdgeDesk.Outcome {

    /** A command the current phase does not allow, such as {@code 'next' cannot be used in phase lobby.}. */
    static Refusal wrongPhase(String ref, Phase phase) {
        return new Refusal(ErrorCode.WRONG_PHASE, "'" + ref + "' cannot be used in phase " + phase.wireName() + ".");
    }
}
