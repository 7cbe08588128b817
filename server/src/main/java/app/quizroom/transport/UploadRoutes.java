package app.quizroom.transport;

import app.quizroom.bank.BankDraft;
import app.quizroom.bank.BankFolder;
import app.quizroom.bank.BankImages;
import app.quizroom.bank.BankLibrary;
import app.quizroom.bank.BankYaml;
import app.quizroom.bank.ImageType;
import app.quizroom.bank.sheet.SheetException;
import app.quizroom.bank.sheet.SheetImport;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files going into and out of the banks folder: a spreadsheet imported as a draft (nothing is saved), a picture
 * uploaded beside the banks, and the pictures served by name. Uploads come as the file's own body with its
 * content type, or as {@code multipart/form-data} with the file in a field named {@code file}.
 */
final class UploadRoutes {

    static final String IMPORT_PATH = "/api/editor/import";
    static final String IMAGES_PATH = "/api/editor/images";
    static final String MULTIPART = "multipart/form-data";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    static final Set<String> SHEET_TYPES = Set.of(XLSX, CSV, MULTIPART);
    static final Set<String> IMAGE_TYPES = Set.of(ImageType.PNG.contentType(), ImageType.JPEG.contentType(),
            ImageType.WEBP.contentType(), ImageType.SVG.contentType(), MULTIPART);
    /** Room for a multipart body's boundaries and headers around a file of the largest size. */
    private static final int MULTIPART_OVERHEAD = 64 * 1024;

    private final BankFolder folder;
    private final BankLibrary library;
    private final Path uploadsDir;

    UploadRoutes(BankFolder folder, BankLibrary library) {
        this.folder = folder;
        this.library = library;
        try {
            // Vert.x writes multipart files here; each is deleted when its request ends.
            this.uploadsDir = Files.createTempDirectory("quizroom-uploads");
            uploadsDir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void mount(Router router) {
        router.post(IMPORT_PATH).handler(upload(SheetImport.MAX_UPLOAD_BYTES)).handler(this::importSheet);
        router.post(IMAGES_PATH).handler(upload(BankImages.MAX_BYTES)).handler(this::uploadImage);
        router.get("/api/images/:name").handler(this::serveImage);
    }

    private BodyHandler upload(int maxBytes) {
        return BodyHandler.create(uploadsDir.toString()).setBodyLimit(maxBytes + MULTIPART_OVERHEAD)
                .setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(false);
    }

    /** An uploaded file: its bytes, the media type it came with, and the name the browser gave it (or null). */
    private record Upload(byte[] bytes, String type, String name) {
    }

    /** The file of the request, read on a worker thread; empty when a multipart body has no file. */
    private static Optional<Upload> read(RoutingContext ctx) throws IOException {
        String type = HttpGuards.mediaType(ctx.request().getHeader("Content-Type"));
        if (!MULTIPART.equals(type)) {
            Buffer body = ctx.body().buffer();
            return Optional.of(new Upload(body == null ? new byte[0] : body.getBytes(), type,
                    ctx.queryParams().get("name")));
        }
        List<FileUpload> files = ctx.fileUploads();
        FileUpload file = files.stream().filter(f -> "file".equals(f.name())).findFirst()
                .orElse(files.isEmpty() ? null : files.get(0));
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new Upload(Files.readAllBytes(Path.of(file.uploadedFileName())),
                HttpGuards.mediaType(file.contentType()), file.fileName()));
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        return value != null ? value : ctx.request().getFormAttribute(name);
    }

    /** The uploaded file, or why it is refused (none in a multipart body, or larger than {@code maxBytes}). */
    private record Received(Upload upload, Reply refusal) {
    }

    private static Received receive(RoutingContext ctx, int maxBytes, String what) throws IOException {
        Optional<Upload> upload = read(ctx);
        if (upload.isEmpty()) {
            return new Received(null, Reply.error(400, ErrorCode.BAD_REQUEST,
                    "Send the " + what + " in a field 'file'."));
        }
        if (upload.get().bytes().length > maxBytes) {
            return new Received(null, Reply.error(413, ErrorCode.UPLOAD_TOO_LARGE,
                    "A " + what + " may be at most " + maxBytes / (1024 * 1024) + " MiB."));
        }
        return new Received(upload.get(), null);
    }

    /**
     * The answer of an import: the draft (not saved), the rows left out and the rows changed, and what the
     * validator says of the draft. {@code file}: a name to save it under that no bank file has yet.
     */
    record Imported(String file, BankDraft draft, List<EditorJson.Row> refused, List<EditorJson.Row> notes,
                    List<EditorJson.Problem> problems, List<EditorJson.Problem> warnings) {
    }

    private void importSheet(RoutingContext ctx) {
        String title = param(ctx, "title");
        Reply.run(ctx, () -> {
            Received received = receive(ctx, SheetImport.MAX_UPLOAD_BYTES, "spreadsheet");
            if (received.refusal() != null) {
                return received.refusal();
            }
            Upload file = received.upload();
            String name = file.name() == null ? "" : file.name().toLowerCase(Locale.ROOT);
            boolean csv = CSV.equals(file.type()) || name.endsWith(".csv");
            boolean xlsx = XLSX.equals(file.type()) || name.endsWith(".xlsx");
            if (!csv && !xlsx) {
                return Reply.error(415, ErrorCode.UNSUPPORTED_TYPE,
                        "Send an .xlsx or .csv file (the Kahoot! quiz template).");
            }
            String bankTitle = title != null && !title.isBlank() ? title.strip() : titleFrom(file.name());
            SheetImport.Imported imported;
            try {
                imported = xlsx ? SheetImport.fromXlsx(new ByteArrayInputStream(file.bytes()), bankTitle)
                        : SheetImport.fromCsv(new ByteArrayInputStream(file.bytes()), bankTitle);
            } catch (SheetException e) {
                return Reply.error(422, ErrorCode.SHEET_UNREADABLE,
                        "The spreadsheet cannot be read: " + e.getMessage());
            }
            BankDraft draft = imported.draft();
            String saveAs = freeFileName(draft.getId());
            BankYaml.Check check = BankYaml.check(draft, folder.folder().resolve(saveAs).toString(), folder.images());
            return Reply.ok(new Imported(saveAs, draft, EditorJson.rows(imported.refused()),
                    EditorJson.rows(imported.notes()), EditorJson.placed(check, check.problems()),
                    EditorJson.placed(check, check.warnings())));
        });
    }

    private static String titleFrom(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "Imported questions";
        }
        String base = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replace('_', ' ').strip();
        return base.isEmpty() ? "Imported questions" : base;
    }

    private String freeFileName(String id) throws IOException {
        String stem = id == null || id.isBlank() ? "imported" : id;
        List<String> taken = folder.files();
        for (int n = 1; ; n++) {
            String name = (n == 1 ? stem : stem + "-" + n) + ".yaml";
            if (!taken.contains(name) && BankFolder.isBankFileName(name)) {
                return name;
            }
            if (!BankFolder.isBankFileName(name)) {
                stem = "imported";
            }
        }
    }

    /** A stored picture: the name to write in a question's {@code image}, and where it is served. */
    record StoredImage(String name, String url, String contentType, long size) {
    }

    private void uploadImage(RoutingContext ctx) {
        Reply.run(ctx, () -> {
            Received received = receive(ctx, BankImages.MAX_BYTES, "picture");
            if (received.refusal() != null) {
                return received.refusal();
            }
            Upload file = received.upload();
            ImageType declared = ImageType.fromContentType(file.type())
                    .or(() -> ImageType.fromFileName(file.name() == null ? "" : file.name())).orElse(null);
            if (declared == null) {
                return Reply.error(415, ErrorCode.UNSUPPORTED_TYPE,
                        "Send a PNG, JPEG, WebP or SVG picture.");
            }
            BankImages.Stored stored;
            try {
                stored = folder.images().store(file.name(), declared, file.bytes());
            } catch (IllegalArgumentException e) {
                return Reply.error(422, ErrorCode.IMAGE_INVALID, "The picture is refused: "
                        + e.getMessage() + ".");
            }
            // A bank that named this picture before it arrived can load now.
            library.rescan();
            return Reply.json(201, new StoredImage(stored.name(), ServerMessage.Image.url(stored.name()),
                    stored.type().contentType(), stored.size()));
        });
    }

    /**
     * A picture by its bare name, checked as the loader checks a question's {@code image} (no folders, no '..',
     * of the type its name says). SVG goes out with a policy under which its scripts cannot run.
     */
    private void serveImage(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        ctx.vertx().executeBlocking(() -> folder.images().read(name), false).onComplete(done -> {
            if (done.failed() || done.result().isEmpty()) {
                HttpJson.error(ctx, 404, ErrorCode.IMAGE_NOT_FOUND, "No picture of that name beside the banks.");
                return;
            }
            BankImages.Image image = done.result().get();
            ctx.response().putHeader("Content-Type", image.type().contentType())
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "no-cache");
            if (image.type() == ImageType.SVG) {
                ctx.response().putHeader("Content-Security-Policy", BankImages.SVG_CONTENT_SECURITY_POLICY);
            }
            ctx.response().end(Buffer.buffer(image.bytes()));
        });
    }
}
