package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the room's frames, one builder per frame, from the state it is given and the parts it reads (roster,
 * scoreboard, teams, gate). It changes nothing and sends nothing. Players never get a solution before the reveal:
 * only {@link #reveal} and {@link #result} carry one. It holds no state of its own, so it is a record of what it
 * reads.
 *
 * @param teams null in an individual game
 */
record Frames(String pin, Bank bank, int questionCount, GameOptions options, String joinUrl, String qrUrl,
              Roster roster, Scoreboard board, Teams teams, Gate gate) {

    /**
     * The question as phones show it: without texts when the teacher keeps them on the screen, and without its
     * picture unless the teacher sends pictures to phones.
     */
    ServerMessage.Question questionForPlayers(Moment at, Boolean answered) {
        return question(at, options.showTextOnPhones(), options.imagesOnPhones(), answered);
    }

    /** The question as the projector shows it, texts and picture always. */
    ServerMessage.Question questionForHost(Moment at) {
        return question(at, true, true, null);
    }

    private ServerMessage.Question question(Moment at, boolean texts, boolean picture, Boolean answered) {
        QuestionRun run = at.run();
        return new ServerMessage.Question(run.index, questionCount, run.question.type().wireName(),
                texts ? run.question.prompt() : null, texts ? run.displayedTexts() : null, run.optionCount(),
                run.question.points(), run.timeLimitMs, at.phase().wireName(), at.remainingMs(), answered,
                run.question.unit(), at.paused(), picture ? image(run) : null);
    }

    private static ServerMessage.Image image(QuestionRun run) {
        return ServerMessage.Image.of(run.question.image(), run.question.imageAlt());
    }

    ServerMessage.AnswerCount count(QuestionRun run) {
        return new ServerMessage.AnswerCount(run.index, run.answered, roster.size());
    }

    /** To the host: the solution and how the players still in the room answered. */
    ServerMessage.Reveal reveal(QuestionRun run, ServerMessage.Solution solution) {
        List<AnswerRecord> given = roster.all().stream().map(p -> p.answers.get(run.index))
                .filter(Objects::nonNull).toList();
        return new ServerMessage.Reveal(run.index, run.question.type().wireName(), solution, run.stats(given),
                run.question.explanation(), run.optionExplanations(), run.answered, roster.size(), image(run));
    }

    /** To one player: their outcome of the question just scored. */
    ServerMessage.Result result(QuestionRun run, Player p, ServerMessage.Solution solution) {
        AnswerRecord record = p.answers.get(run.index);
        Player ahead = board.ahead(p);
        return new ServerMessage.Result(run.index, run.question.type().wireName(), solution, record != null,
                record != null && record.credit() >= 1, record == null ? 0 : record.credit(), p.lastGained,
                p.lastBonus, p.streak, p.score, p.rank, board.size(),
                ahead == null ? null : new ServerMessage.Ahead(ahead.name, Math.max(0, ahead.score - p.score)),
                run.question.explanation(), run.explanationOfPick(record), board.teamStanding(p), board.teamCount());
    }

    ServerMessage.Lobby lobby() {
        List<ServerMessage.RemovedPlayer> kicked = roster.kicked().stream().map(KickDesk::removed).toList();
        return new ServerMessage.Lobby(roster.all().stream().map(Frames::info).toList(), gate.locked(),
                teams == null ? null : teams.infos(), kicked.isEmpty() ? null : kicked);
    }

    static ServerMessage.PlayerInfo info(Player p) {
        return new ServerMessage.PlayerInfo(p.id, p.name, p.connected(), p.team == null ? null : p.team.id);
    }

    ServerMessage.TeamChanged teamChanged(Player p, String by) {
        return new ServerMessage.TeamChanged(p.id, Teams.info(p.team, teams.isFull(p.team)), by);
    }

    static ServerMessage.Storage storage(boolean saving) {
        return new ServerMessage.Storage(saving, saving ? "Results are being saved."
                : "Results cannot be saved right now. The game goes on; results are kept and saved when possible.");
    }

    /** The settings of a game as clients and the report show them. */
    static ServerMessage.GameSettings settings(GameOptions options) {
        return new ServerMessage.GameSettings(options.scoring().wireName(), options.streakBonus(),
                options.shuffleQuestions(), options.shuffleOptions(), options.showTextOnPhones(),
                options.timeLimitSeconds(), options.readingSeconds(), options.generatedNames(), options.twoStepJoin(),
                options.teams() == null ? null : new ServerMessage.TeamSettings(options.teams().names(),
                        options.teams().playersPick(), options.teams().cap(), options.teams().talkSeconds()),
                options.classSize());
    }

    /** What a player gets on taking their seat (join or rejoin): who they are, then the current phase's frame. */
    List<ServerMessage> playerSnapshot(Player p, Moment at) {
        List<ServerMessage> frames = new ArrayList<>(2);
        frames.add(new ServerMessage.Joined(pin, p.id, p.name, p.seatToken, bank.title(), at.phase().wireName(),
                p.team == null ? null : Teams.info(p.team, teams.isFull(p.team))));
        switch (at.phase()) {
            case INTRO, TALK, ANSWERING -> frames.add(questionForPlayers(at, p.answers.containsKey(at.run().index)));
            case REVEAL, LEADERBOARD -> frames.add(result(at.run(), p, at.run().solution()));
            case PODIUM -> {
                if (at.finalsOut()) { // else it comes with everyone's when the podium's reveal is over
                    frames.add(board.finalFor(p, board.standings(QuestionCycle.PODIUM_TOP)));
                }
            }
            default -> {
            }
        }
        return frames;
    }

    /**
     * What the host gets on attaching: the room, every player, a storage warning while results cannot be saved,
     * then the current phase's frames.
     */
    List<ServerMessage> hostSnapshot(Moment at, boolean storageFailing, long gameId) {
        List<ServerMessage> frames = new ArrayList<>(5);
        frames.add(new ServerMessage.Hosting(pin, joinUrl, qrUrl,
                new ServerMessage.BankInfo(bank.id(), bank.title(), bank.topic(), questionCount),
                settings(options), at.phase().wireName(), gameId));
        frames.add(lobby());
        if (storageFailing) {
            frames.add(storage(false));
        }
        QuestionRun run = at.run();
        switch (at.phase()) {
            case INTRO, TALK, ANSWERING -> {
                frames.add(questionForHost(at));
                frames.add(count(run));
            }
            case REVEAL -> {
                frames.add(questionForHost(at)); // the reveal is shown over its question
                frames.add(reveal(run, run.solution()));
            }
            case LEADERBOARD -> frames.add(board.leaderboard(run.index, questionCount, QuestionCycle.LEADERBOARD_SIZE));
            case PODIUM -> frames.add(board.podium());
            case FINISHED -> frames.add(new ServerMessage.Finished());
            default -> {
            }
        }
        return frames;
    }
}
