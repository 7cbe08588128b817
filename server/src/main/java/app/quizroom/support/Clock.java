package app.quizroom.support;

/** The server's clock, in milliseconds. Injected so that tests drive time by hand. */
@FunctionalInterface
public interface Clock {
    long millis();

    Clock SYSTEM = () -> System.nanoTime() / 1_000_000L;
}
