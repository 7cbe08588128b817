package app.quizroom.game;

import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

import java.util.List;

/**
 * The host's say over who stays: kick one player, kick everyone who joined in the last seconds (a bot flood caught
 * late), and let a kicked player's phone back in. A kick removes the seat for good and bans the phone's device token
 * from the room until the host lets it back in. Each returns what to send, or a {@link Refusal}. Owned by the room.
 *
 * @param teams null in an individual game
 */
record KickDesk(Roster roster, Teams teams, AnswerDesk answers, Scoreboard board, GameRecorder recorder,
                PhaseMachine phases, Clock clock) {

    /**
     * Removes a seat for good: the player leaves their team (their past points stay in its averages), their answer
     * leaves the count, their connection is closed, and the open question closes if they were the last to answer.
     */
    Reply kick(int playerId) {
        Player player = roster.remove(playerId);
        if (player == null) {
            return new Refusal(ErrorCode.NO_SUCH_PLAYER, "There is no player " + playerId + ".");
        }
        Outbox out = new Outbox();
        leave(player, out);
        if (board.ranked()) {
            board.rank(roster.all());
        }
        out.toHost(new ServerMessage.PlayerLeft(playerId, "kicked", roster.size()));
        phases.closeIfAllAnswered(out);
        return out;
    }

    /**
     * Kicks, as {@link #kick} does, every player who took a seat in the last {@code seconds} seconds of the room's
     * clock; the host gets one {@code playersKicked} listing them (empty when nobody joined that recently).
     */
    Reply kickRecent(int seconds) {
        List<Player> recent = roster.joinedSince(clock.millis() - seconds * 1000L);
        Outbox out = new Outbox();
        for (Player player : recent) {
            roster.remove(player.id);
            leave(player, out);
        }
        if (!recent.isEmpty() && board.ranked()) {
            board.rank(roster.all());
        }
        out.toHost(new ServerMessage.PlayersKicked(seconds, recent.stream().map(KickDesk::removed).toList(),
                roster.size()));
        if (!recent.isEmpty()) {
            phases.closeIfAllAnswered(out);
        }
        return out;
    }

    /** Lets a kicked player's phone join again, under their old name or another (as a new player). */
    Reply unban(int playerId) {
        if (roster.unban(playerId) == null) {
            return new Refusal(ErrorCode.NO_SUCH_PLAYER, "No removed player has the id " + playerId + ".");
        }
        return new Outbox().toHost(new ServerMessage.Unbanned(playerId));
    }

    static ServerMessage.RemovedPlayer removed(Player player) {
        return new ServerMessage.RemovedPlayer(player.id, player.name);
    }

    /** What a seat's removal undoes, once the roster has removed it. */
    private void leave(Player player, Outbox out) {
        if (teams != null) {
            teams.remove(player);
        }
        recorder.playerKicked(player.id);
        answers.forget(player, phases.now());
        if (player.link != null) {
            Link link = roster.unbind(player);
            out.toLink(link, new ServerMessage.Kicked()).close(link, CloseCode.KICKED, "removed by the host");
        }
    }
}
