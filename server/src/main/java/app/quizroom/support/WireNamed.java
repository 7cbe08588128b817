package app.quizroom.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants travel by their names in lower case (in YAML banks, on the wire, in the results database),
 * so that the constant's name is the one place its wire name is written.
 */
public interface WireNamed {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this wire name, if any. */
    static <E extends Enum<E> & WireNamed> Optional<E> fromWireName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(name)).findFirst();
    }
}
