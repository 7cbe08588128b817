package app.quizroom.game;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Friendly two-word names for games where players do not choose their own. */
final class NameGenerator {

    private static final List<String> ADJECTIVES = List.of("Brave", "Calm", "Clever", "Curious", "Eager", "Gentle",
            "Happy", "Keen", "Kind", "Lively", "Lucky", "Mighty", "Nimble", "Polite", "Quick", "Quiet", "Sharp",
            "Sunny", "Swift", "Witty", "Bold", "Bright", "Jolly", "Proud", "Steady", "Wise", "Zesty", "Cosy");
    private static final List<String> ANIMALS = List.of("Badger", "Beaver", "Bison", "Crane", "Dolphin", "Eagle",
            "Falcon", "Ferret", "Fox", "Gecko", "Hare", "Heron", "Ibis", "Jaguar", "Koala", "Lemur", "Lynx", "Marten",
            "Moose", "Otter", "Owl", "Panda", "Puffin", "Raven", "Seal", "Stork", "Tiger", "Walrus", "Wolf", "Yak");

    private NameGenerator() {
    }

    /** A name that {@code taken} does not hold; a number is added once the pairs run out. */
    static String next(Random random, Predicate<String> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " "
                    + ANIMALS.get(random.nextInt(ANIMALS.size()));
            if (!taken.test(name)) {
                return name;
            }
        }
        for (int n = 2; ; n++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " "
                    + ANIMALS.get(random.nextInt(ANIMALS.size())) + " " + n;
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
