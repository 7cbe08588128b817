package app.quizroom.loadtest.bench;

import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Encoding the messages of a question's life with the server's codec: the question (once per broadcast), the
 * host's reveal (once per question), and a player's result (once per player at each reveal, so ×N).
 * The messages are read from the protocol document's example frames, so that fields the records gain later
 * simply stay empty instead of breaking the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    static final String QUESTION = """
            {"type":"question","index":0,"count":14,"questionType":"single",
             "prompt":"Which personal fault of Stalin's did Lenin's Testament criticise?",
             "options":["His rudeness","His arrogance","His lack of loyalty to Lenin","His excessive caution"],
             "optionCount":4,"points":1000,"timeLimitMs":20000,"phase":"intro","remainingMs":4000,"paused":false}""";

    static final String REVEAL = """
            {"type":"reveal","index":0,"questionType":"single","solution":{"correct":[0]},
             "stats":{"counts":[4210,2630,1790,1370],"correctCount":4210,"averageCredit":0.421},
             "explanation":"Lenin's Testament criticised Stalin's rudeness and urged that he be removed as General Secretary.",
             "optionExplanations":[null,"The notes record rudeness, not arrogance, as the Testament's charge against Stalin.",
                                   "The Testament's personal criticism of Stalin was his rudeness.",
                                   "Caution is not the charge: the notes say the Testament criticised Stalin's rudeness."],
             "answered":10000,"total":10000}""";

    static final String RESULT = """
            {"type":"result","index":0,"questionType":"single","solution":{"correct":[0]},
             "answered":true,"correct":false,"credit":0.0,"points":0,"bonus":0,"streak":0,"score":2870,"rank":4711,
             "playerCount":10000,"ahead":{"name":"r0p4711","gap":5},
             "explanation":"Lenin's Testament criticised Stalin's rudeness and urged that he be removed as General Secretary.",
             "optionExplanation":"The notes record rudeness, not arrogance, as the Testament's charge against Stalin."}""";

    private ServerMessage question;
    private ServerMessage reveal;
    private ServerMessage result;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        question = mapper.readValue(QUESTION, ServerMessage.Question.class);
        reveal = mapper.readValue(REVEAL, ServerMessage.Reveal.class);
        result = mapper.readValue(RESULT, ServerMessage.Result.class);
        // guard against the records having drifted from the document: every example must survive the round trip
        for (ServerMessage m : new ServerMessage[] {question, reveal, result}) {
            String json = Codec.encode(m);
            if (!json.contains("\"index\":0") || !json.contains("single")) {
                throw new IllegalStateException("example did not decode: " + json);
            }
        }
        if (!Codec.encode(result).contains("optionExplanation") || !Codec.encode(reveal).contains("4210")) {
            throw new IllegalStateException("example lost fields");
        }
    }

    @Benchmark
    public String encodeQuestion() {
        return Codec.encode(question);
    }

    @Benchmark
    public String encodeReveal() {
        return Codec.encode(reveal);
    }

    @Benchmark
    public String encodeResult() {
        return Codec.encode(result);
    }
}
