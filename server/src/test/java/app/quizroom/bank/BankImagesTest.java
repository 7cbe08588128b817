package app.quizroom.bank;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankImagesTest {

    @TempDir
    Path root;

    private Path banks;
    private BankImages images;

    @BeforeEach
    void setUp() throws IOException {
        banks = Files.createDirectory(root.resolve("banks"));
        images = new BankImages(banks);
    }

    @Test
    void pngJpegWebpAndSvgAreFoundWithTheirContentType() throws IOException {
        Files.write(banks.resolve("a.png"), TestBanks.PNG);
        Files.write(banks.resolve("b.JPG"), TestBanks.JPEG);
        Files.write(banks.resolve("c.jpeg"), TestBanks.JPEG);
        Files.write(banks.resolve("d.webp"), TestBanks.WEBP);
        Files.write(banks.resolve("e.svg"), TestBanks.SVG);
        assertEquals("image/png", found("a.png").type().contentType());
        assertEquals("image/jpeg", found("b.JPG").type().contentType());
        assertEquals("image/jpeg", found("c.jpeg").type().contentType());
        assertEquals("image/webp", found("d.webp").type().contentType());
        assertEquals("image/svg+xml", found("e.svg").type().contentType());
        BankImages.Image image = images.read("e.svg").orElseThrow();
        assertEquals(ImageType.SVG, image.type());
        assertArrayEquals(TestBanks.SVG, image.bytes());
    }

    @Test
    void aNameWithAFolderDotsOrAnotherEndingIsRefusedBeforeAnyFileIsOpened() throws IOException {
        assertEquals("must be a file name beside the bank, without '/' or '\\'", refused("../secret.png"));
        assertEquals("must be a file name beside the bank, without '/' or '\\'", refused("/etc/passwd.png"));
        assertEquals("must be a file name beside the bank, without '/' or '\\'", refused("maps\\kremlin.png"));
        assertEquals("may not contain '..'", refused("..png"));
        assertEquals("may not start with '.'", refused(".hidden.png"));
        assertEquals("may not contain ':' or control characters", refused("C:kremlin.png"));
        assertEquals("must end in .png, .jpg, .jpeg, .webp or .svg", refused("kremlin.gif"));
        assertEquals("is empty", refused(" "));
        assertEquals("was not found beside the bank", refused("missing.png"));
    }

    @Test
    void aFileWhoseContentDoesNotMatchItsNameIsRefused() throws IOException {
        Files.write(banks.resolve("fake.png"), TestBanks.JPEG);
        Files.writeString(banks.resolve("fake.svg"), "<html><script>alert(1)</script></html>");
        Files.write(banks.resolve("empty.webp"), new byte[0]);
        assertEquals("is not really a PNG picture (its content does not match its name)", refused("fake.png"));
        assertEquals("is not really an SVG picture (its content does not match its name)", refused("fake.svg"));
        assertEquals("is not really a WebP picture (its content does not match its name)", refused("empty.webp"));
        assertTrue(images.read("fake.png").isEmpty());
    }

    @Test
    void aPictureOverTwoMebibytesIsRefused() throws IOException {
        byte[] big = new byte[BankImages.MAX_BYTES + 1];
        System.arraycopy(TestBanks.PNG, 0, big, 0, TestBanks.PNG.length);
        Files.write(banks.resolve("big.png"), big);
        Files.write(banks.resolve("fits.png"), Arrays.copyOf(big, BankImages.MAX_BYTES));
        assertEquals("is 2097153 bytes; a picture may be at most 2097152 bytes (2 MiB)", refused("big.png"));
        assertEquals(BankImages.MAX_BYTES, found("fits.png").size());
    }

    @Test
    void aLinkIsFollowedOnlyIfItEndsInsideTheFolder() throws IOException {
        Path outside = Files.write(root.resolve("outside.png"), TestBanks.PNG);
        Path inside = Files.write(banks.resolve("inside.png"), TestBanks.PNG);
        Files.createSymbolicLink(banks.resolve("out.png"), outside);
        Files.createSymbolicLink(banks.resolve("in.png"), inside);
        Files.createDirectory(banks.resolve("folder.png"));
        assertEquals("is a link that leads outside the banks folder", refused("out.png"));
        assertTrue(images.read("out.png").isEmpty());
        assertEquals(inside.toRealPath(), found("in.png").file());
        assertEquals("is not a regular file", refused("folder.png"));
    }

    @Test
    void aQuestionsPictureIsCheckedWithItsLineAndNeedsADescription() throws IOException {
        Files.write(banks.resolve("kremlin.png"), TestBanks.PNG);
        String ok = picture("image: kremlin.png\n    imageAlt: \"The Kremlin seen from the river\"");
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse(banks.resolve("b.yaml").toString(), ok, images, problems);
        assertEquals(List.of(), problems);
        assertNotNull(bank);
        assertEquals("kremlin.png", bank.questions().get(0).image());
        assertEquals("The Kremlin seen from the river", bank.questions().get(0).imageAlt());

        assertEquals(List.of("b.yaml:8: image 'gone.png' was not found beside the bank"),
                problems("image: gone.png\n    imageAlt: \"A map\""));
        assertEquals(List.of("b.yaml:8: missing 'imageAlt': describe the picture for students who cannot see it"),
                problems("image: kremlin.png"));
        assertEquals(List.of("b.yaml:8: 'imageAlt' describes a picture, but the question has no 'image'"),
                problems("imageAlt: \"A map\""));
        assertEquals(List.of("b.yaml:9: 'imageAlt' is longer than 300 characters"),
                problems("image: kremlin.png\n    imageAlt: \"" + "a".repeat(301) + "\""));
        assertEquals(List.of("b.yaml:8: image '../kremlin.png' must be a file name beside the bank, without '/' or '\\'"),
                problems("image: ../kremlin.png\n    imageAlt: \"A map\""));
    }

    @Test
    void aBankParsedByFileNameLooksForItsPicturesBesideThatFile() throws IOException {
        Files.write(banks.resolve("kremlin.png"), TestBanks.PNG);
        Path file = Files.writeString(banks.resolve("b.yaml"), picture("image: kremlin.png\n    imageAlt: \"A map\""),
                StandardCharsets.UTF_8);
        List<BankProblem> problems = new ArrayList<>();
        assertNotNull(BankLoader.loadFile(file, problems));
        assertNotNull(BankLoader.parse(file.toString(), Files.readString(file), problems));
        assertEquals(List.of(), problems);
    }

    private List<String> problems(String pictureLines) {
        List<BankProblem> problems = new ArrayList<>();
        assertNull(BankLoader.parse("b.yaml", picture(pictureLines), images, problems));
        return problems.stream().map(Object::toString).toList();
    }

    /** A one-question bank whose picture lines start on line 8. */
    private static String picture(String lines) {
        return """
                id: pictures
                title: Pictures
                questions:
                  - id: q1
                    type: single
                    prompt: "Where is this?"
                    options: ["Moscow", "Leningrad"]
                    %s
                    answer: "Moscow"
                """.formatted(lines);
    }

    private BankImages.Found found(String name) {
        return assertInstanceOf(BankImages.Found.class, images.lookup(name));
    }

    private String refused(String name) {
        return assertInstanceOf(BankImages.Refused.class, images.lookup(name)).reason();
    }
}
