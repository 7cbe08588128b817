package app.quizroom.game;

import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.scoring.ScoringMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The teams of a team game: who is in which, and the team scores.
 *
 * <p>Scoring: a team's score for a question is the average of its members' points for that question (a member
 * who did not answer counts 0), so that a team of three can beat a team of six; the team's total is the sum of
 * those averages. The members of a question are the team's players when it closes: a player kicked earlier keeps
 * their part of the past averages but adds nothing afterwards. A team with no members at a question adds 0 and
 * stays on the board. Ranking: classic by total, then the smaller summed average time of right answers;
 * accuracy by the summed share of members fully right, then total, then time; then the lower team number.
 */
final class Teams {

    /** Where a joining player goes: a team, or a {@link Refusal} ({@code team_required} asks them to choose). */
    sealed interface Placement permits Placed, Refusal {
    }

    record Placed(Team team) implements Placement {
    }

    private final List<Team> teams = new ArrayList<>();
    private final TeamOptions options;

    Teams(TeamOptions options) {
        this.options = options;
        for (int i = 0; i < options.names().size(); i++) {
            teams.add(new Team(i + 1, options.names().get(i), colourKey(i)));
        }
    }

    private static String colourKey(int i) {
        return TeamOptions.COLOURS.get(i % TeamOptions.COLOURS.size()).toLowerCase(Locale.ROOT);
    }

    TeamOptions options() {
        return options;
    }

    List<Team> all() {
        return teams;
    }

    Team byId(Integer id) {
        return id == null ? null : teams.stream().filter(t -> t.id == id).findFirst().orElse(null);
    }

    /**
     * The team a joining player goes to: the one they chose (players pick), or the smallest (auto); a late
     * joiner is placed by the same rule.
     */
    Placement place(Integer chosen) {
        if (!options.playersPick()) {
            Team smallest = teams.stream().min(Comparator.comparingInt((Team t) -> t.members.size())
                    .thenComparingInt(t -> t.id)).orElseThrow();
            return isFull(smallest) ? new Refusal(ErrorCode.TEAM_FULL, "Every team is full.") : new Placed(smallest);
        }
        if (chosen == null) {
            return new Refusal(ErrorCode.TEAM_REQUIRED, "Choose a team.");
        }
        Team team = byId(chosen);
        if (team == null) {
            return new Refusal(ErrorCode.NO_SUCH_TEAM, "There is no such team.");
        }
        return isFull(team) ? full(team) : new Placed(team);
    }

    /** The refusal of a team that has reached the cap. */
    static Refusal full(Team team) {
        return new Refusal(ErrorCode.TEAM_FULL, "The " + team.name + " is full; choose another team.");
    }

    boolean isFull(Team team) {
        return options.cap() != null && team.members.size() >= options.cap();
    }

    void add(Player player, Team team) {
        if (player.team != null) {
            player.team.members.remove(player);
        }
        player.team = team;
        team.members.add(player);
    }

    void remove(Player player) {
        if (player.team != null) {
            player.team.members.remove(player);
        }
    }

    /** Deals the players out again, evenly and at random (lobby only). */
    void rebalance(List<Player> players, Random random) {
        List<Player> shuffled = new ArrayList<>(players);
        Collections.shuffle(shuffled, random);
        teams.forEach(t -> t.members.clear());
        for (int i = 0; i < shuffled.size(); i++) {
            Team team = teams.get(i % teams.size());
            shuffled.get(i).team = team;
            team.members.add(shuffled.get(i));
        }
    }

    /** Puts back the teams of a saved state (those still in play, with their scores); members come with seats. */
    void restore(List<RoomSnapshot.TeamState> saved) {
        teams.clear();
        for (RoomSnapshot.TeamState t : saved) {
            Team team = new Team(t.id(), t.name(), t.colour());
            team.score = t.score();
            team.correct = t.correct();
            team.correctTimeMs = t.correctTimeMs();
            team.lastGained = t.lastGained();
            team.rank = t.rank();
            team.previousRank = t.previousRank();
            teams.add(team);
        }
    }

    /** At the start: a team nobody joined is not created. */
    void dropEmpty() {
        teams.removeIf(t -> t.members.isEmpty());
    }

    /** Adds one question to the team scores, from the members' points just scored. */
    void scoreQuestion(int questionIndex) {
        for (Team team : teams) {
            team.previousRank = team.rank == 0 ? null : team.rank;
            int size = team.members.size();
            if (size == 0) {
                team.lastGained = 0;
                continue;
            }
            double points = 0;
            double right = 0;
            double time = 0;
            for (Player p : team.members) {
                points += p.lastGained;
                AnswerRecord record = p.answers.get(questionIndex);
                if (record != null && record.credit() >= 1) {
                    right++;
                    time += record.responseMs();
                }
            }
            team.lastGained = points / size;
            team.score += points / size;
            team.correct += right / size;
            team.correctTimeMs += time / size;
        }
    }

    void rank(ScoringMode mode) {
        Comparator<Team> byScore = Comparator.comparingDouble((Team t) -> t.score).reversed();
        Comparator<Team> byTime = Comparator.comparingDouble(t -> t.correctTimeMs);
        Comparator<Team> order = byScore.thenComparing(byTime);
        if (mode == ScoringMode.ACCURACY) {
            order = Comparator.comparingDouble((Team t) -> t.correct).reversed().thenComparing(order);
        }
        List<Team> sorted = new ArrayList<>(teams);
        sorted.sort(order.thenComparingInt(t -> t.id));
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).rank = i + 1;
        }
    }

    List<Team> ranked() {
        List<Team> sorted = new ArrayList<>(teams);
        sorted.sort(Comparator.comparingInt((Team t) -> t.rank == 0 ? Integer.MAX_VALUE : t.rank)
                .thenComparingInt(t -> t.id));
        return sorted;
    }

    static ServerMessage.TeamInfo info(Team t, boolean full) {
        return new ServerMessage.TeamInfo(t.id, t.name, t.colour, t.members.size(), full);
    }

    List<ServerMessage.TeamInfo> infos() {
        return teams.stream().map(t -> info(t, isFull(t))).toList();
    }

    ServerMessage.TeamStanding standing(Team t, boolean withTopContributor) {
        ServerMessage.Contributor top = null;
        if (withTopContributor) {
            // Nobody contributed to a team whose best member has no points: it gets no top contributor.
            top = t.members.stream().max(Comparator.comparingInt((Player p) -> p.score)
                            .thenComparing(Comparator.comparingInt((Player p) -> p.joinOrder).reversed()))
                    .filter(p -> p.score > 0)
                    .map(p -> new ServerMessage.Contributor(p.id, p.name, p.score)).orElse(null);
        }
        return new ServerMessage.TeamStanding(t.rank, t.id, t.name, t.colour, t.roundedScore(),
                (int) Math.round(t.lastGained), t.previousRank, t.members.size(), top);
    }

    List<ServerMessage.TeamStanding> standings(boolean withTopContributor) {
        return ranked().stream().map(t -> standing(t, withTopContributor)).toList();
    }
}
