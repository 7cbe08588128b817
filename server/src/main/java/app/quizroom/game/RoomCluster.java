package app.quizroom.game;

import app.quizroom.protocol.ServerMessage;

import java.util.List;

/**
 * A room's seams to cluster mode (docs/cluster.md §5–7): its snapshot and restore, the watch told when its state
 * moved, its players on other nodes and the answers they gave there. Alone (one node, or SQLite) nothing here runs
 * but {@link #liveCount()} and a {@link #checkpoint} that returns at once. Owned by the room, on its context.
 */
final class RoomCluster {

    /** The parts a snapshot reads and a restore writes, with the options as settled, the seed, the host key's hash. */
    private final SavedRoom.Parts parts;
    private final PhaseMachine phases;
    private final Frames frames;
    private final Audience audience;
    /** Takes the answers other nodes took (cluster mode); counted where they were taken, not here. */
    private final AnswerDesk remoteDesk;
    private RoomWatch watch = RoomWatch.NONE;
    /** The phase, question, pause, lock and finals when the watch was last told; and the seats and teams. */
    private List<Object> phaseMark = List.of();
    private int seatsMark;

    RoomCluster(SavedRoom.Parts parts, Frames frames, Audience audience, AnswerDesk remoteDesk) {
        this.parts = parts;
        this.phases = parts.phases();
        this.frames = frames;
        this.audience = audience;
        this.remoteDesk = remoteDesk;
    }

    /** Puts a saved state into the room just built (see {@link Room#restore}). */
    void restore(RoomSnapshot saved, List<RoomSnapshot.StoredAnswer> answers, long elapsedMs) {
        SavedRoom.restore(parts, saved, answers, elapsedMs, new Outbox());
        phaseMark = phaseMark();
        seatsMark = seatsMark();
    }

    RoomSnapshot snapshot() {
        return SavedRoom.take(parts);
    }

    void watch(RoomWatch watcher) {
        watch = watcher;
        phaseMark = phaseMark();
        seatsMark = seatsMark();
        watcher.changed(true);
    }

    /** The room moved away: nobody is told again. */
    void stopWatching() {
        watch = RoomWatch.NONE;
    }

    /** After each message and timer: tells the watch if the state moved. */
    void checkpoint(boolean hostCommand) {
        if (watch == RoomWatch.NONE) {
            return; // nobody saves this room (alone, or SQLite): no marks to build after every answer
        }
        List<Object> phaseNow = phaseMark();
        int seatsNow = seatsMark();
        if (!phaseNow.equals(phaseMark)) {
            phaseMark = phaseNow;
            seatsMark = seatsNow;
            watch.changed(true);
        } else if (seatsNow != seatsMark || hostCommand) {
            seatsMark = seatsNow;
            watch.changed(false);
        }
    }

    private List<Object> phaseMark() {
        Moment at = phases.now();
        return List.of(at.phase(), at.run() == null ? -1 : at.run().index, at.paused(), at.finalsOut(),
                parts.gate().locked());
    }

    private int seatsMark() {
        return parts.roster().size() * 31 + parts.roster().kicked().size();
    }

    RoomPlan plan() {
        return phases.plan();
    }

    void relayTo(Remotes remotes) {
        phases.relayTo(remotes);
    }

    /** Scores answers other nodes took, as {@link Room#remoteAnswers} says. */
    void remoteAnswers(List<Room.RemoteAnswer> given) {
        Outbox out = new Outbox();
        boolean any = false;
        for (Room.RemoteAnswer remote : given) {
            Player player = parts.roster().byId(remote.playerId());
            if (player != null && remoteDesk.takeRemote(player, remote.answer(), remote.responseMs(), phases.now())
                    instanceof AnswerDesk.Accepted) {
                any = true;
            }
        }
        if (!phases.closeIfAllAnswered(out) && any) {
            out.countChanged();
        }
        audience.deliver(out);
    }

    /** The running count of answers while they are open, else null (for the audience's coalesced sends). */
    ServerMessage.AnswerCount liveCount() {
        Moment at = phases.now();
        if (at.phase() != Phase.ANSWERING) {
            return null;
        }
        ServerMessage.AnswerCount count = frames.count(at.run());
        int index = at.run().index;
        int elsewhere = phases.counted(index, id -> {
            Player player = parts.roster().byId(id);
            return player == null || player.answers.containsKey(index);
        });
        return elsewhere == 0 ? count
                : new ServerMessage.AnswerCount(count.index(), count.answered() + elsewhere, count.total());
    }

    void remoteCountChanged() {
        if (phases.phase() == Phase.ANSWERING) {
            audience.deliver(new Outbox().countChanged());
        }
    }
}
