package app.quizroom.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuccessorTest {

    private static final List<String> NODES = List.of("node-0", "node-1", "node-2", "node-3");

    @Test
    void theChoiceDoesNotDependOnTheOrderTheMembersAreListedIn() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String pin = String.format("%06d", random.nextInt(1_000_000));
            List<String> shuffled = new ArrayList<>(NODES);
            Collections.shuffle(shuffled, random);
            assertEquals(Successor.of(pin, NODES), Successor.of(pin, shuffled), pin);
        }
    }

    @Test
    void aMemberLeavingMovesOnlyTheRoomsItWasChosenFor() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            String pin = String.format("%06d", random.nextInt(1_000_000));
            String chosen = Successor.of(pin, NODES);
            for (String gone : NODES) {
                List<String> left = NODES.stream().filter(n -> !n.equals(gone)).toList();
                if (!gone.equals(chosen)) {
                    assertEquals(chosen, Successor.of(pin, left), pin + " without " + gone);
                }
            }
        }
    }

    @Test
    void roomsSpreadOverTheMembers() {
        Map<String, Integer> counts = new HashMap<>();
        for (int pin = 100_000; pin < 104_000; pin++) {
            counts.merge(Successor.of(Integer.toString(pin), NODES), 1, Integer::sum);
        }
        assertEquals(NODES.size(), counts.size(), counts.toString());
        // 1,000 expected each; a fair hash stays well within a fifth of that.
        counts.values().forEach(n -> assertTrue(n > 800 && n < 1200, counts.toString()));
    }

    @Test
    void thereIsNoSuccessorWithoutMembers() {
        assertNull(Successor.of("123456", List.of()));
        assertEquals("only", Successor.of("123456", List.of("only")));
    }
}
