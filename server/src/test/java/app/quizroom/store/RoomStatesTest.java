package app.quizroom.store;

import app.quizroom.game.GameOptions;
import app.quizroom.game.Phase;
import app.quizroom.game.RoomSnapshot;
import app.quizroom.game.TeamOptions;
import app.quizroom.scoring.ScoringMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A room's saved state as the database keeps it: encoded and decoded to the same snapshot; anything else refused. */
class RoomStatesTest {

    private static RoomSnapshot snapshot() {
        GameOptions options = new GameOptions(ScoringMode.ACCURACY, false, true, true, false, 30, 3, true,
                TeamOptions.generated(2, true, 4, 10), true, true, 40);
        RoomSnapshot.Seat ana = new RoomSnapshot.Seat(1, "Ana", "ana", "hash-1", 1, 12_000, "device-1", 2, 1200, 2, 2,
                3_400, 700, 100, 1, null);
        RoomSnapshot.Seat ben = new RoomSnapshot.Seat(2, "Ben", "ben", "hash-2", 2, 9_000, null, 1, 0, 0, 0, 0, 0, 0,
                2, 1);
        RoomSnapshot.TeamState red = new RoomSnapshot.TeamState(1, "Red team", "red", 12.5, 0.5, 1_700.25, 3.5, 2,
                null);
        return new RoomSnapshot("123456", "bank", List.of("q1", "q2"), options, -7L, "host-hash", Phase.ANSWERING,
                1, true, 14_000, 6_000, false, true, 4, List.of(ana), List.of(ben), List.of(red));
    }

    @Test
    void aStateDecodesToTheSnapshotItWasEncodedFrom() {
        RoomSnapshot room = snapshot();
        RoomStates.Saved saved = RoomStates.decode(RoomStates.encode(room, 1_795_000_000_000L));
        assertEquals(room, saved.room());
        assertEquals(1_795_000_000_000L, saved.savedAt());
    }

    @Test
    void anIndividualGameInTheLobbyRoundTripsToo() {
        RoomSnapshot room = new RoomSnapshot("654321", "bank", List.of("q1"), GameOptions.defaults(), 1L, "h",
                Phase.LOBBY, -1, false, 0, 0, false, false, 1, List.of(), List.of(), null);
        assertEquals(room, RoomStates.decode(RoomStates.encode(room, 1)).room());
    }

    @Test
    void textThatIsNotAStateOfThisVersionIsRefused() {
        String good = RoomStates.encode(snapshot(), 1);
        assertThrows(IllegalArgumentException.class, () -> RoomStates.decode("{}"));
        assertThrows(IllegalArgumentException.class, () -> RoomStates.decode("not json"));
        assertThrows(IllegalArgumentException.class, () -> RoomStates.decode(good.replace("\"version\":1", "\"version\":2")));
        assertThrows(IllegalArgumentException.class, () -> RoomStates.decode(good.replace("\"pin\"", "\"pine\"")));
    }
}
