package app.quizroom.browser;

import app.quizroom.config.LanAddresses;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * What every browser test class needs, as a JUnit extension on a static field:
 * {@code @RegisterExtension static final BrowserFixture browser = BrowserFixture.withTestBank();}. Before the class
 * it starts the real server on the class's clock ({@link #time()}), with a bank of the class's choosing and the
 * pages served from the work tree, and takes the run's shared headless Chromium ({@link Chrome}); before each test
 * the windows forget what the pages stored (seat tokens, host keys), so every test starts clean; after the class
 * the server is closed. Where Chromium is missing the class is skipped, saying why.
 * <p>
 * A test method (or a {@code @BeforeEach} or {@code @AfterEach}) declares the windows it uses as parameters: a
 * {@link Projector}, {@link Phone}s (the first {@code Phone} parameter is phone window 0, the next window 1, …), or
 * a {@code List<Phone>} of every phone window: {@code void x(Projector projector, Phone ann, Phone bob)}. A class
 * whose helpers drive the windows keeps them in fields instead ({@code browser.projector()}, {@code browser.phone(i)}).
 */
final class BrowserFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final ManualTime time = new ManualTime();
    private final Supplier<Path> banks;
    private final Map<String, String> env;
    private final Supplier<List<LanAddresses.Candidate>> network;
    private Chrome chrome;
    private TestServer server;

    private BrowserFixture(Supplier<Path> banks, Map<String, String> env,
                           Supplier<List<LanAddresses.Candidate>> network) {
        this.banks = banks;
        this.env = env;
        this.network = network;
    }

    /** A server with the four-question {@link TestBank}. */
    static BrowserFixture withTestBank() {
        return new BrowserFixture(TestBank::write, Map.of(), LanAddresses::ofThisMachine);
    }

    /** A server with one bank of the test's own and these QUIZROOM_* settings. */
    static BrowserFixture withBank(String fileName, String yaml, Map<String, String> env) {
        return new BrowserFixture(() -> TestBank.folderWith(fileName, yaml), env, LanAddresses::ofThisMachine);
    }

    /**
     * A server with the {@link TestBank} on a laptop with these LAN addresses (faked) and no QUIZROOM_PUBLIC_URL:
     * phones are sent to one of them.
     */
    static BrowserFixture withTestBankOn(List<LanAddresses.Candidate> network) {
        return new BrowserFixture(TestBank::write, Map.of("QUIZROOM_PUBLIC_URL", ""), () -> network);
    }

    /**
     * The real server on this clock, serving the pages straight from web-client/static: the browser tests check the
     * pages as they are in the work tree, not a jar that another build may be rewriting meanwhile.
     */
    static TestServer startServer(ManualTime time, Map<String, String> env) {
        return startServer(time, env, LanAddresses::ofThisMachine);
    }

    private static TestServer startServer(ManualTime time, Map<String, String> env,
                                          Supplier<List<LanAddresses.Candidate>> network) {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("QUIZROOM_WEB_DIR", TestServer.projectRoot().resolve("web-client/static").toString());
        return TestServer.start(time, time, settings, network);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Chrome.assumeInstalled();
        chrome = Chrome.shared(context);
        Map<String, String> settings = new HashMap<>(env);
        settings.put("QUIZROOM_BANKS", banks.get().toString());
        server = startServer(time, settings, network);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        chrome.forget(baseUrl());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        return p.getType() == Projector.class || p.getType() == Phone.class || isPhoneList(p);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        if (p.getType() == Projector.class) {
            return projector();
        }
        if (p.getType() == Phone.class) {
            return phone((int) Arrays.stream(parameter.getDeclaringExecutable().getParameters())
                    .limit(parameter.getIndex()).filter(before -> before.getType() == Phone.class).count());
        }
        return phones();
    }

    private static boolean isPhoneList(Parameter p) {
        return p.getType() == List.class && p.getParameterizedType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == Phone.class;
    }

    /** The server's clock: nothing on it moves unless the test advances it. */
    ManualTime time() {
        return time;
    }

    TestServer server() {
        return server;
    }

    /** Where the pages open, as the browser reaches the server. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port;
    }

    /** The projector window's page on this class's server. */
    Projector projector() {
        return new Projector(chrome.projector(), baseUrl());
    }

    /** The projector window's page on another server, with what the pages stored for that server forgotten. */
    Projector projectorOn(TestServer other) {
        String url = "http://127.0.0.1:" + other.port;
        chrome.forget(url);
        return new Projector(chrome.projector(), url);
    }

    /** Phone window {@code i} (0 to {@link Chrome#PHONES} - 1). */
    Phone phone(int i) {
        return new Phone(chrome.phone(i), baseUrl());
    }

    /**
     * A game of the bank with this title created on the projector, with phones 0, 1, … joined under these names
     * and shown in its lobby; returns its PIN.
     */
    String gameWith(String bankTitle, int readingSeconds, String... names) {
        Projector projector = projector();
        String pin = projector.open().createGame(bankTitle, readingSeconds);
        for (int i = 0; i < names.length; i++) {
            phone(i).open(pin).join(pin, names[i]);
        }
        projector.awaitPlayers(names.length);
        return pin;
    }

    /**
     * {@link #gameWith} and then started from the projector: past the reading time (advanced on the class's clock)
     * to answers open on question 1 on every joined phone; returns its PIN.
     */
    String startedGame(String bankTitle, int readingSeconds, String... names) {
        String pin = gameWith(bankTitle, readingSeconds, names);
        Projector projector = projector();
        projector.start();
        if (readingSeconds > 0) {
            projector.awaitQuestion(1); // the reading timer is set when the question goes out
            time.advance(readingSeconds * 1000L);
        }
        for (int i = 0; i < names.length; i++) {
            phone(i).awaitAnswering(1);
        }
        return pin;
    }

    /** Every phone window, in order. */
    List<Phone> phones() {
        return IntStream.range(0, Chrome.PHONES).mapToObj(this::phone).toList();
    }
}
