package app.quizroom.browser;

import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium for the browser tests: one projector window and three phone windows, started once for
 * the whole test run (kept in JUnit's root store) and closed at its end. Nothing is ever downloaded: the binary and
 * the driver are named explicitly. {@link BrowserFixture} is how a test class gets it.
 */
final class Chrome implements ExtensionContext.Store.CloseableResource {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int PHONES = 3;

    private ChromeDriver projector;
    private final List<ChromeDriver> phones = new ArrayList<>();
    private final List<ChromeDriverService> services = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    /** Skips the calling tests, with the reason, where Chromium or its driver is missing. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is not installed (apt-get install chromium chromium-driver)");
    }

    /** The one pool of browsers of this test run, started on first use. */
    static Chrome shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Chrome.class, key -> Chrome.launch(), Chrome.class);
    }

    private static Chrome launch() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Chrome chrome = new Chrome();
        // Started side by side: each takes a second or two.
        ExecutorService starter = Executors.newFixedThreadPool(PHONES + 1);
        try {
            CompletableFuture<ChromeDriver> projector = CompletableFuture.supplyAsync(() -> chrome.start(false), starter);
            List<CompletableFuture<ChromeDriver>> phones = Stream.generate(
                    () -> CompletableFuture.supplyAsync(() -> chrome.start(true), starter)).limit(PHONES).toList();
            chrome.projector = projector.join();
            phones.forEach(p -> chrome.phones.add(p.join()));
        } finally {
            starter.shutdown();
        }
        return chrome;
    }

    private ChromeDriver start(boolean phone) {
        Path profile;
        try {
            profile = Files.createTempDirectory("quizroom-chrome-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "SEVERE")); // script errors, for failure messages
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", 360, "height", 640, "pixelRatio", 1.0, "touch", true, "mobile", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36"));
        } else {
            options.addArguments("--window-size=1280,720");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        synchronized (this) {
            services.add(service);
            profiles.add(profile);
        }
        if (!phone) {
            viewport(driver, 1280, 720);
        }
        return driver;
    }

    ChromeDriver projector() {
        return projector;
    }

    ChromeDriver phone(int i) {
        return phones.get(i);
    }

    /** Sets the page's viewport exactly (the window frame differs between Chromium versions). */
    static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Forgets what the pages stored for this server (seat tokens, the host's key), so tests start clean. */
    void forget(String baseUrl) {
        List<ChromeDriver> all = new ArrayList<>(phones);
        all.add(projector);
        for (ChromeDriver d : all) {
            d.get(baseUrl + "/health");
            d.executeScript("localStorage.clear()");
        }
    }

    /** Saves a PNG of what the page shows under server/target/screenshots/. */
    static Path screenshot(ChromeDriver driver, String name) {
        Path dir = TestServer.projectRoot().resolve("server/target/screenshots");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    /** Saves the whole page, not just the viewport, at this width (the viewport is set back afterwards). */
    static Path fullPageScreenshot(ChromeDriver driver, String name, int width, int height) {
        long full = ((Number) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        viewport(driver, width, (int) Math.max(height, Math.min(full, 6000)));
        try {
            return screenshot(driver, name);
        } finally {
            viewport(driver, width, height);
        }
    }

    /** Lets the browser save downloads, without asking, into this folder. */
    static void downloadsTo(ChromeDriver driver, Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
    }

    @Override
    public void close() {
        List<ChromeDriver> all = new ArrayList<>(phones);
        if (projector != null) {
            all.add(projector);
        }
        for (ChromeDriver d : all) {
            try {
                d.quit();
            } catch (RuntimeException ignored) {
                // the browser is gone already
            }
        }
        services.forEach(ChromeDriverService::stop);
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
