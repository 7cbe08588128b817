package app.quizroom.transport;

import app.quizroom.bank.BankDraft;
import app.quizroom.bank.BankFolder;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.BankYaml;
import app.quizroom.bank.ProblemPlace;
import app.quizroom.bank.QuestionType;
import app.quizroom.bank.Skill;
import app.quizroom.bank.sheet.RowProblem;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bank editor's JSON (docs/protocol.md §2.7): drafts with question types and skills by their wire names, and
 * problems placed on the question, field and option they belong to.
 */
final class EditorJson {

    /** {@link HttpJson#MAPPER}'s strict binding, with {@code "single"} and {@code "recall"} for the enums. */
    static final ObjectMapper DRAFTS = HttpJson.MAPPER.copy().registerModule(new SimpleModule()
            .addSerializer(QuestionType.class, serializer(QuestionType::wireName))
            .addDeserializer(QuestionType.class, deserializer("type", QuestionType::fromWireName))
            .addSerializer(Skill.class, serializer(Skill::wireName))
            .addDeserializer(Skill.class, deserializer("skill", Skill::fromWireName)));

    private EditorJson() {
    }

    /**
     * One problem or warning. {@code question} is null for the bank's own fields; {@code field} names the draft's
     * field ({@code prompt}, {@code options}, {@code answer}, ...) or is null for the whole question or bank;
     * {@code option} is the option's index when the problem is on one option.
     */
    record Problem(int line, String message, Integer question, String field, Integer option) {
    }

    /** The answer of a check. */
    record Checked(boolean valid, List<Problem> problems, List<Problem> warnings) {
    }

    /** A row of an imported sheet that was refused or changed. */
    record Row(int row, String message) {
    }

    /** A kept earlier version of a bank file. */
    record Backup(String name, String replacedAt, long size) {
        static Backup of(BankFolder.Backup b) {
            return b == null ? null : new Backup(b.name(), b.replacedAt().toString(), b.size());
        }
    }

    static String write(Object value) {
        try {
            return DRAFTS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** The draft in a request body, or an exception whose message says what is wrong. */
    static BankDraft draft(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("'draft' must be an object");
        }
        try {
            return DRAFTS.treeToValue(node, BankDraft.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPathReference().replace("app.quizroom.bank.", "") : "the draft";
            throw new IllegalArgumentException("'draft' cannot be read at " + where + ": " + e.getOriginalMessage());
        }
    }

    static Checked checked(BankYaml.Check check) {
        return new Checked(check.valid(), placed(check, check.problems()), placed(check, check.warnings()));
    }

    /** Problems of the YAML a check wrote, each placed in the draft. */
    static List<Problem> placed(BankYaml.Check check, List<BankProblem> problems) {
        return problems.stream().map(p -> {
            ProblemPlace place = ProblemPlace.of(check, p);
            return new Problem(p.line(), p.message(), place.question() < 0 ? null : place.question(), place.field(),
                    place.option());
        }).toList();
    }

    /** Problems of a file that is not a draft's YAML: by line only. */
    static List<Problem> unplaced(List<BankProblem> problems) {
        return problems.stream().map(p -> new Problem(p.line(), p.message(), null, null, null)).toList();
    }

    static List<Row> rows(List<RowProblem> rows) {
        return rows.stream().map(r -> new Row(r.row(), r.message())).toList();
    }

    private static <E extends Enum<E>> JsonSerializer<E> serializer(Function<E, String> wireName) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(wireName.apply(value));
            }
        };
    }

    private static <E extends Enum<E>> JsonDeserializer<E> deserializer(String field,
                                                                        Function<String, Optional<E>> parse) {
        return new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                return parse.apply(text).orElseThrow(() -> new JsonMappingException(p,
                        "'" + field + "' has no value '" + text + "'"));
            }
        };
    }
}
