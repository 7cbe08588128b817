package app.quizroom.bank;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of picture a bank may show, told apart by the file name's ending and confirmed by the first bytes of
 * the file, so a renamed file (a PDF called {@code map.png}) is refused rather than sent with the wrong type.
 */
public enum ImageType {
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    WEBP("image/webp", List.of("webp")),
    SVG("image/svg+xml", List.of("svg"));

    /** How many bytes from the start of a file {@link #matches} needs to see. */
    public static final int HEAD_BYTES = 1024;
    /** The accepted endings, as a sentence names them. */
    public static final String ENDINGS = ".png, .jpg, .jpeg, .webp or .svg";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Whitespace, an XML declaration, comments and a doctype may come before the root element. */
    private static final Pattern SVG_START = Pattern.compile(
            "^\\uFEFF?(?:\\s|<\\?xml[^>]*\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<svg[\\s>/]", Pattern.DOTALL);

    private final String contentType;
    private final List<String> endings;

    ImageType(String contentType, List<String> endings) {
        this.contentType = contentType;
        this.endings = endings;
    }

    /** The HTTP {@code Content-Type} to serve it with. */
    public String contentType() {
        return contentType;
    }

    /** The file name endings of this type, the usual one first. */
    public List<String> endings() {
        return endings;
    }

    /** The type of an HTTP {@code Content-Type} ({@code image/png}, parameters ignored), if it is one of ours. */
    public static Optional<ImageType> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentType.equals(type)).findFirst();
    }

    /** The type a file name claims by its ending (any case), if it is one of ours. */
    public static Optional<ImageType> fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ending = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.endings.contains(ending)).findFirst();
    }

    /** True if {@code head} (the first {@value #HEAD_BYTES} bytes of a file, or all of a shorter one) is this type. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case PNG -> startsWith(head, 0, PNG_SIGNATURE);
            case JPEG -> startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case WEBP -> startsWith(head, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && startsWith(head, 8, "WEBP".getBytes(StandardCharsets.US_ASCII));
            case SVG -> SVG_START.matcher(new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8))
                    .find();
        };
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
