package app.quizroom.protocol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One handler for each record of a role of {@link ClientMessage} ({@code Hello}, {@code PlayerCommand},
 * {@code HostCommand}). {@link #complete()} refuses a table that leaves a record of its role out, so a new message
 * type that nobody handles stops every room from being built, and every test that opens one fails.
 *
 * @param <M> the role
 * @param <P> what a handler needs besides the message
 * @param <R> what a handler returns
 */
public final class Handlers<M extends ClientMessage, P, R> {

    private final Class<M> role;
    private final Map<Class<?>, BiFunction<M, P, R>> table = new HashMap<>();

    public Handlers(Class<M> role) {
        this.role = role;
    }

    /** Handles messages of this type with {@code handler}. */
    public <T extends M> Handlers<M, P, R> on(Class<T> type, BiFunction<? super T, P, R> handler) {
        if (table.putIfAbsent(type, (message, p) -> handler.apply(type.cast(message), p)) != null) {
            throw new IllegalStateException("two handlers for " + type.getSimpleName());
        }
        return this;
    }

    /** This table, once it has a handler for every record of its role. */
    public Handlers<M, P, R> complete() {
        List<String> missing = Arrays.stream(role.getPermittedSubclasses())
                .filter(type -> !table.containsKey(type)).map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(role.getSimpleName() + " has no handler for " + missing);
        }
        return this;
    }

    public R handle(M message, P p) {
        return table.get(message.getClass()).apply(message, p);
    }
}
