package app.quizroom.bank;

import app.quizroom.config.Limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The pictures of the banks in one folder. A question names its picture by a bare file name ({@code image:
 * kremlin.png}); this class turns such a name into a file safely: no folders in the name, no {@code ..}, no hidden
 * files, and a symbolic link is followed only if it ends inside the folder. The bank parser uses it to check every
 * {@code image}; the HTTP layer uses {@link #read} to serve one.
 *
 * <p>An SVG can carry scripts: serve it with {@link #SVG_CONTENT_SECURITY_POLICY} (and never inline it into a
 * page), so that opening the picture on its own cannot run anything.
 */
public final class BankImages {

    /** Larger pictures are refused. */
    public static final int MAX_BYTES = Limits.MAX_IMAGE_BYTES;
    /** A {@code Content-Security-Policy} for serving SVG: no scripts, no loads, a sandboxed document. */
    public static final String SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    private static final int MAX_NAME_CHARS = 255;

    /** What a name led to: a usable picture, or the reason it is refused. */
    public sealed interface Lookup permits Found, Refused {
    }

    /** A picture that may be shown: a regular file inside the folder, of the type its name says, within the limit. */
    public record Found(Path file, ImageType type, long size) implements Lookup {
    }

    /** A name that cannot be used; {@code reason} reads after the quoted name ("image 'x.png' was not found ..."). */
    public record Refused(String reason) implements Lookup {
    }

    /** A picture's content, read whole (at most {@link #MAX_BYTES}), with the type to serve it as. */
    public record Image(String name, ImageType type, byte[] bytes) {
    }

    private final Path folder;

    /** The pictures beside the banks of {@code folder}. */
    public BankImages(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The pictures beside a bank file named by its path (the working folder if it names no folder). */
    static BankImages beside(String bankFile) {
        try {
            Path parent = Path.of(bankFile).toAbsolutePath().getParent();
            return new BankImages(parent == null ? Path.of("") : parent);
        } catch (InvalidPathException e) {
            return new BankImages(Path.of(""));
        }
    }

    public Path folder() {
        return folder;
    }

    /** Checks a picture name and its file: existence, place, type by its first bytes, and size. */
    public Lookup lookup(String name) {
        String wrong = nameProblem(name);
        if (wrong != null) {
            return new Refused(wrong);
        }
        ImageType type = ImageType.fromFileName(name).orElseThrow();
        Path candidate = folder.resolve(name).normalize();
        if (!candidate.startsWith(folder) || !Files.exists(candidate)) {
            return new Refused("was not found beside the bank");
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                return new Refused("is a link that leads outside the banks folder");
            }
            if (!Files.isRegularFile(real)) {
                return new Refused("is not a regular file");
            }
            long size = Files.size(real);
            if (size > MAX_BYTES) {
                return new Refused("is " + size + " bytes; a picture may be at most " + MAX_BYTES + " bytes (2 MiB)");
            }
            if (!type.matches(head(real))) {
                return new Refused("is not really " + article(type) + " picture (its content does not match its name)");
            }
            return new Found(real, type, size);
        } catch (IOException e) {
            return new Refused("cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads a picture for serving, checking it again as read (the file may have changed since the bank loaded).
     * Empty if the name is refused or the file changed into something that is refused.
     */
    public Optional<Image> read(String name) throws IOException {
        if (!(lookup(name) instanceof Found found)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(found.file())) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES || !found.type().matches(bytes)) {
            return Optional.empty();
        }
        return Optional.of(new Image(name, found.type(), bytes));
    }

    /** What became of an uploaded picture: stored under {@code name}, or refused for {@code reason}. */
    public record Stored(String name, ImageType type, long size) {
    }

    /**
     * Stores an uploaded picture beside the banks under a safe name made from {@code wanted} (a browser's file
     * name): folders dropped, every character but letters, digits, '-' and '_' turned into '-', the ending of its
     * real type. A different picture already under that name is kept: the new one gets {@code -2}, {@code -3},
     * ...; the same picture uploaded again keeps its name. Written atomically.
     *
     * @param declared the type the upload claims (its content type); null to go by the content alone
     * @throws IllegalArgumentException when the content is not a picture of the declared type, or is too large
     */
    public synchronized Stored store(String wanted, ImageType declared, byte[] content) throws IOException {
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a picture may be at most " + MAX_BYTES + " bytes (2 MiB)");
        }
        ImageType type = declared;
        if (type == null) {
            type = Arrays.stream(ImageType.values()).filter(t -> t.matches(content)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("the file is not a PNG, JPEG, WebP or SVG picture"));
        } else if (!type.matches(content)) {
            throw new IllegalArgumentException("the file is not really " + article(type) + " picture");
        }
        String stem = safeStem(wanted);
        String ending = ImageType.fromFileName(wanted == null ? "" : wanted).filter(type::equals).isPresent()
                ? wanted.substring(wanted.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : type.endings().get(0);
        Files.createDirectories(folder);
        for (int n = 1; ; n++) {
            String name = (n == 1 ? stem : stem + "-" + n) + "." + ending;
            Path target = folder.resolve(name);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.write(target, content);
                return new Stored(name, type, content.length);
            }
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(Files.readAllBytes(target), content)) {
                return new Stored(name, type, content.length);
            }
        }
    }

    /** A file name's stem made safe: letters, digits, '-' and '_' only, at most 80 characters, never empty. */
    static String safeStem(String wanted) {
        String name = wanted == null ? "" : wanted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String stem = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-_]+|-+$", "");
        if (stem.length() > 80) {
            stem = stem.substring(0, 80);
        }
        return stem.isEmpty() ? "picture" : stem;
    }

    /** Why a name cannot be a picture's name (before looking at any file), or null if it can. */
    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "is empty";
        }
        if (name.length() > MAX_NAME_CHARS) {
            return "is longer than " + MAX_NAME_CHARS + " characters";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "must be a file name beside the bank, without '/' or '\\'";
        }
        if (name.contains("..")) {
            return "may not contain '..'";
        }
        if (name.startsWith(".")) {
            return "may not start with '.'";
        }
        if (name.chars().anyMatch(c -> c == ':' || Character.isISOControl(c))) {
            return "may not contain ':' or control characters";
        }
        if (ImageType.fromFileName(name).isEmpty()) {
            return "must end in " + ImageType.ENDINGS;
        }
        return null;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ImageType.HEAD_BYTES);
        }
    }

    private static String article(ImageType type) {
        return switch (type) {
            case PNG -> "a PNG";
            case JPEG -> "a JPEG";
            case WEBP -> "a WebP";
            case SVG -> "an SVG";
        };
    }
}
