package app.quizroom.game;

import app.quizroom.bank.Question;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.support.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's state to and from a {@link RoomSnapshot}: what {@link Room#snapshot()} and {@link Room#restore} do to
 * the room's parts. Seat tokens and the host key travel as hashes only. Answers are not in the snapshot: the store
 * has every accepted one (an answer is acknowledged only once stored), and the restore reads them back in bank
 * terms through the question as this game displayed it.
 */
final class SavedRoom {

    private SavedRoom() {
    }

    /** The parts of a room a snapshot reads and a restore writes. */
    record Parts(String pin, String bankId, GameOptions options, long seed, String hostTokenHash, Clock clock,
                 PhaseMachine phases, Roster roster, Teams teams, Scoreboard board, Gate gate) {
    }

    static RoomSnapshot take(Parts room) {
        long now = room.clock().millis();
        PhaseState.Clocks clocks = room.phases().clocks();
        List<RoomSnapshot.Seat> seats = room.roster().all().stream().map(p -> seat(p, now)).toList();
        List<RoomSnapshot.Seat> kicked = room.roster().kicked().stream().map(p -> seat(p, now)).toList();
        List<RoomSnapshot.TeamState> teams = room.teams() == null ? null : room.teams().all().stream()
                .map(t -> new RoomSnapshot.TeamState(t.id, t.name, t.colour, t.score, t.correct, t.correctTimeMs,
                        t.lastGained, t.rank, t.previousRank)).toList();
        return new RoomSnapshot(room.pin(), room.bankId(), questionIds(room.phases().questions()), room.options(),
                room.seed(), room.hostTokenHash(), clocks.phase(), clocks.question(), clocks.paused(),
                clocks.remainingMs(), clocks.answeringMs(), clocks.finalsOut(), room.gate().locked(),
                room.roster().nextId(), seats, kicked, teams);
    }

    private static RoomSnapshot.Seat seat(Player p, long now) {
        return new RoomSnapshot.Seat(p.id, p.name, p.nameKey, p.seatTokenHash, p.joinOrder, now - p.joinedAt,
                p.device, p.team == null ? null : p.team.id, p.score, p.streak, p.correctCount, p.correctTimeMs,
                p.lastGained, p.lastBonus, p.rank, p.previousRank);
    }

    static List<String> questionIds(List<Question> questions) {
        return questions.stream().map(Question::id).toList();
    }

    /**
     * Puts the saved state into a room just built from the same bank, options and seed, {@code elapsedMs} after the
     * snapshot was taken; what the game does on restoring (a question past its deadline closes) goes into
     * {@code out}, for nobody yet: the phones come back afterwards.
     */
    static void restore(Parts room, RoomSnapshot saved, List<RoomSnapshot.StoredAnswer> answers, long elapsedMs,
                        Outbox out) {
        if (!questionIds(room.phases().questions()).equals(saved.questionIds())) {
            throw new IllegalArgumentException("the bank's questions are not those the game was playing");
        }
        long now = room.clock().millis();
        if (room.teams() != null && saved.teams() != null) {
            room.teams().restore(saved.teams());
        }
        Map<Integer, Player> byId = new HashMap<>();
        List<Player> all = new ArrayList<>();
        for (RoomSnapshot.Seat seat : saved.players()) {
            Player p = player(seat, now - elapsedMs, room.teams());
            room.roster().restore(p, false);
            byId.put(p.id, p);
            all.add(p);
        }
        for (RoomSnapshot.Seat seat : saved.kicked()) {
            Player p = player(seat, now - elapsedMs, null);
            room.roster().restore(p, true);
            byId.put(p.id, p);
        }
        room.roster().resumeIdsAt(saved.nextPlayerId());
        restoreAnswers(room.phases(), answers, byId);
        room.board().restore(all);
        if (saved.locked()) {
            room.gate().lock(true);
        }
        room.phases().restore(new PhaseState.Clocks(saved.phase(), saved.question(), saved.paused(),
                saved.remainingMs(), saved.answeringMs(), saved.finalsOut()), elapsedMs, out);
    }

    private static Player player(RoomSnapshot.Seat seat, long takenAt, Teams teams) {
        Player p = new Player(seat.id(), seat.name(), seat.nameKey(), seat.seatTokenHash(), seat.joinOrder(), null);
        p.joinedAt = takenAt - seat.joinedMsAgo();
        p.device = seat.device();
        p.score = seat.score();
        p.streak = seat.streak();
        p.correctCount = seat.correctCount();
        p.correctTimeMs = seat.correctTimeMs();
        p.lastGained = seat.lastGained();
        p.lastBonus = seat.lastBonus();
        p.rank = seat.rank();
        p.previousRank = seat.previousRank();
        Team team = teams == null ? null : teams.byId(seat.team());
        if (team != null) {
            teams.add(p, team);
        }
        return p;
    }

    /** Each stored answer back on its player, in bank terms; one for a question the game never showed is skipped. */
    private static void restoreAnswers(PhaseMachine phases, List<RoomSnapshot.StoredAnswer> answers,
                                       Map<Integer, Player> players) {
        Map<Integer, QuestionRun> runs = new HashMap<>();
        for (RoomSnapshot.StoredAnswer a : answers) {
            Player player = players.get(a.playerId());
            if (player == null || a.question() < 0 || a.question() >= phases.questions().size()) {
                continue;
            }
            QuestionRun run = runs.computeIfAbsent(a.question(), phases::runOf);
            GameRecorder.GivenAnswer given = a.given();
            QuestionRun.Translation value = run.toBank(new ClientMessage.Answer(a.question(), given.option(),
                    given.options(), given.order(), given.value(), null));
            if (value instanceof QuestionRun.Translated translated) {
                player.answers.put(a.question(), new AnswerRecord(translated.value(), a.responseMs(), a.credit(),
                        null, GameRecorder.Saving.done()));
            }
        }
    }
}
