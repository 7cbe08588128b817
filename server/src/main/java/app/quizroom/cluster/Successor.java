package app.quizroom.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Which live node takes a room over when its owner leaves, or hands it over when draining (docs/cluster.md §7,
 * §8), chosen by every node alike without talking: rendezvous (highest-random-weight) hashing of the PIN over the
 * members' names. Each name scores {@code hash(pin, name)}; the highest wins, ties broken by the name. A member
 * leaving moves only the rooms it was chosen for, and the choice does not depend on the order the members are
 * listed in. Two nodes that see different member lists for a moment may both pick themselves: the epoch fence
 * (§7) lets exactly one of them win.
 */
public final class Successor {

    private Successor() {
    }

    /** The member chosen for the PIN, or null when there is none. */
    public static String of(String pin, Collection<String> members) {
        String best = null;
        long bestScore = 0;
        for (String member : members) {
            long score = score(pin, member);
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || score == bestScore && member.compareTo(best) < 0) {
                best = member;
                bestScore = score;
            }
        }
        return best;
    }

    /** FNV-1a over "pin/name", finished with a 64-bit mix (SplitMix64's) so that close names spread apart. */
    static long score(String pin, String member) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (pin + "/" + member).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
