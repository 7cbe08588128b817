package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankDraft;
import app.quizroom.bank.BankFolder;
import app.quizroom.bank.BankImages;
import app.quizroom.bank.BankLibrary;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.bank.BankYaml;
import app.quizroom.bank.ImageType;
import app.quizroom.bank.sheet.KahootExport;
import app.quizroom.protocol.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The bank editor's API (docs/protocol.md §2.7): list the bank files, open one as a draft, check a draft with the
 * loader's own validator, save it (refused when invalid or when the file changed since it was opened), list and
 * restore backups, export. Every route needs the teacher's authority ({@link TeacherAccess}): a draft holds the
 * answers, and only the teacher may change a bank. File work runs off the event loop; a save is served to new
 * games at once (the library is rescanned before the answer goes out).
 */
record EditorRoutes(BankFolder folder, BankLibrary library, TeacherAccess access) {

    /** A draft of the largest bank (1 MiB of YAML) as JSON stays well within this. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** The upload paths, with the media types each takes instead of JSON (see {@link HttpGuards}). */
    static final Map<String, Set<String>> UPLOADS = Map.of(
            UploadRoutes.IMPORT_PATH, UploadRoutes.SHEET_TYPES,
            UploadRoutes.IMAGES_PATH, UploadRoutes.IMAGE_TYPES);

    void mount(Router router) {
        // Before any body is read: a refused request costs nothing.
        router.route("/api/editor/*").handler(this::teacherOnly);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        router.get("/api/editor/banks").handler(ctx -> Reply.run(ctx, this::list));
        router.get("/api/editor/banks/:file").handler(ctx -> withFile(ctx, this::open));
        router.post("/api/editor/check").handler(json).handler(this::check);
        router.post("/api/editor/banks/:file").handler(json).handler(this::save);
        router.get("/api/editor/banks/:file/backups").handler(ctx -> withFile(ctx, this::backups));
        router.post("/api/editor/banks/:file/restore").handler(json).handler(this::restore);
        router.get("/api/editor/banks/:file/yaml").handler(ctx -> withFile(ctx, this::exportYaml));
        router.get("/api/editor/banks/:file/kahoot.xlsx").handler(ctx -> withFile(ctx, this::exportXlsx));
        new UploadRoutes(folder, library).mount(router);
    }

    private void teacherOnly(RoutingContext ctx) {
        if (access.isTeacher(ctx)) {
            ctx.next();
        } else {
            access.refuseWithoutPassword(ctx);
        }
    }

    /** An error body with more fields beside it ({@code problems}, {@code currentVersion}). */
    record ProblemsError(HttpJson.ErrorBody.Detail error, List<EditorJson.Problem> problems) {
    }

    record ConflictError(HttpJson.ErrorBody.Detail error, String currentVersion) {
    }

    interface FileWork {
        Reply run(String file) throws Exception;
    }

    private void withFile(RoutingContext ctx, FileWork work) {
        String file = ctx.pathParam("file");
        if (!BankFolder.isBankFileName(file)) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, badName(file));
            return;
        }
        Reply.run(ctx, () -> work.run(file));
    }

    static String badName(String file) {
        return "'" + file + "' is not a bank file name: letters, digits, '-', '_' and '.', ending in .yaml or .yml,"
                + " with no folder.";
    }

    /** One bank file as the editor lists it. {@code served}: new games can use it now. */
    record BankFile(String file, String id, String title, int questionCount, boolean valid, boolean served,
                    int problemCount, String version) {
    }

    record Listing(String folder, List<BankFile> banks, List<String> images) {
    }

    private Reply list() throws IOException {
        List<BankFile> files = new ArrayList<>();
        List<Bank> served = library.current().banks();
        for (String file : folder.files()) {
            BankFolder.Opened opened;
            try {
                opened = folder.open(file);
            } catch (NoSuchFileException gone) {
                continue;
            }
            BankDraft draft = opened.draft();
            boolean isServed = served.stream().anyMatch(b -> fileName(b).equals(file));
            files.add(new BankFile(file, draft == null ? null : draft.getId(), draft == null ? null : draft.getTitle(),
                    draft == null ? 0 : draft.getQuestions().size(), opened.problems().isEmpty(), isServed,
                    opened.problems().stream().mapToInt(BankProblem::countsFor).sum(), opened.version()));
        }
        List<String> images;
        try (Stream<Path> all = Files.list(folder.folder())) {
            images = all.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && ImageType.fromFileName(n).isPresent()
                            && folder.images().lookup(n) instanceof BankImages.Found)
                    .sorted().toList();
        }
        return Reply.ok(new Listing(folder.folder().toString(), files, images));
    }

    static String fileName(Bank bank) {
        return Path.of(bank.file()).getFileName().toString();
    }

    /**
     * A bank file opened for editing. {@code problems} and {@code warnings} are the draft's, as it would be saved;
     * {@code fileProblems} are the file's own, as it is on disk (they differ when the file has what the editor
     * drops: comments, unknown fields).
     */
    record Opened(String file, String version, BankDraft draft, List<EditorJson.Problem> problems,
                  List<EditorJson.Problem> warnings, List<EditorJson.Problem> fileProblems) {
    }

    private Reply open(String file) throws IOException {
        BankFolder.Opened opened = folder.open(file);
        List<EditorJson.Problem> fileProblems = EditorJson.unplaced(opened.problems());
        if (opened.draft() == null) {
            return Reply.ok(new Opened(file, opened.version(), null, fileProblems, List.of(), fileProblems));
        }
        BankYaml.Check check = BankYaml.check(opened.draft(), pathOf(file), folder.images());
        return Reply.ok(new Opened(file, opened.version(), opened.draft(), EditorJson.placed(check, check.problems()),
                EditorJson.placed(check, check.warnings()), fileProblems));
    }

    private String pathOf(String file) {
        return folder.folder().resolve(file).toString();
    }

    /** {@code {"draft": {...}, "file": "name.yaml"}}: the draft as the server would load it (nothing is saved). */
    private void check(RoutingContext ctx) {
        JsonNode body = HttpJson.objectBody(ctx);
        if (body == null) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "Send a JSON object with 'draft'.");
            return;
        }
        JsonNode named = body.get("file");
        String file = named != null && named.isTextual() ? named.textValue() : "draft.yaml";
        if (!BankFolder.isBankFileName(file)) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, badName(file));
            return;
        }
        Reply.run(ctx, () -> Reply.ok(EditorJson.checked(
                BankYaml.check(EditorJson.draft(body.get("draft")), pathOf(file), folder.images()))));
    }

    /** The answer of a save or restore. {@code backup}: the version it replaced, now kept (null if none). */
    record Saved(String file, String version, boolean created, String bankId, List<EditorJson.Problem> warnings,
                 EditorJson.Backup backup) {
    }

    /** {@code {"draft": {...}, "version": "..."}}: saves a valid draft over the version it started from. */
    private void save(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        JsonNode body = HttpJson.objectBody(ctx);
        if (!BankFolder.isBankFileName(file)) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, badName(file));
        } else if (body == null || !body.has("version")) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST,
                    "Send a JSON object with 'draft' and 'version' (\"none\" for a new file).");
        } else {
            Reply.run(ctx, () -> {
                BankDraft draft = EditorJson.draft(body.get("draft"));
                String version = version(body);
                BankYaml.Check check = BankYaml.check(draft, pathOf(file), folder.images());
                return outcome(file, version, folder.save(file, draft, version),
                        problems -> EditorJson.placed(check, problems), check);
            });
        }
    }

    private static String version(JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isTextual()) {
            throw new IllegalArgumentException("'version' must be a text: the version opened, or \"none\"");
        }
        return version.textValue();
    }

    private Reply outcome(String file, String expected, BankFolder.Outcome outcome,
                          Function<List<BankProblem>, List<EditorJson.Problem>> place,
                          BankYaml.Check check) {
        if (outcome instanceof BankFolder.Invalid invalid) {
            return Reply.json(422, new ProblemsError(new HttpJson.ErrorBody.Detail(ErrorCode.BANK_INVALID.wire(),
                    "The bank has problems; it was not saved."), place.apply(invalid.problems())));
        }
        if (outcome instanceof BankFolder.Conflict conflict) {
            return Reply.json(409, new ConflictError(new HttpJson.ErrorBody.Detail(ErrorCode.BANK_CONFLICT.wire(),
                    BankFolder.NO_FILE.equals(expected) ? "A bank file '" + file + "' already exists."
                            : "The bank was changed since it was opened; open it again to see the changes."),
                    conflict.currentVersion()));
        }
        BankFolder.Saved saved = (BankFolder.Saved) outcome;
        // Served to new games before the teacher hears it is saved.
        library.rescan();
        List<EditorJson.Problem> warnings = check != null ? EditorJson.placed(check, saved.warnings())
                : EditorJson.unplaced(saved.warnings());
        return Reply.json(BankFolder.NO_FILE.equals(expected) ? 201 : 200, new Saved(file, saved.version(),
                BankFolder.NO_FILE.equals(expected), saved.bank().id(), warnings,
                EditorJson.Backup.of(saved.backup())));
    }

    record Backups(String file, List<EditorJson.Backup> backups) {
    }

    private Reply backups(String file) throws IOException {
        return Reply.ok(new Backups(file, folder.backups(file).stream().map(EditorJson.Backup::of).toList()));
    }

    /** {@code {"backup": "name", "version": "..."}}: puts a kept version back (the current one is kept too). */
    private void restore(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        JsonNode body = HttpJson.objectBody(ctx);
        JsonNode backup = body == null ? null : body.get("backup");
        if (!BankFolder.isBankFileName(file)) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, badName(file));
        } else if (backup == null || !backup.isTextual() || !body.has("version")) {
            HttpJson.error(ctx, 400, ErrorCode.BAD_REQUEST, "Send a JSON object with 'backup' and 'version'.");
        } else {
            Reply.run(ctx, () -> {
                try {
                    return outcome(file, version(body), folder.restore(file, backup.textValue(), version(body)),
                            EditorJson::unplaced, null);
                } catch (NoSuchFileException e) {
                    return Reply.error(404, ErrorCode.BACKUP_NOT_FOUND,
                            "No backup '" + backup.textValue() + "' of " + file + ".");
                }
            });
        }
    }

    private Reply exportYaml(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.folder().resolve(file));
        return Reply.download(bytes, "application/yaml; charset=utf-8", file, Map.of());
    }

    /** The Kahoot! template; {@code X-Quizroom-Skipped} lists the ids of the questions it cannot hold. */
    private Reply exportXlsx(String file) throws IOException {
        Path path = folder.folder().resolve(file);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.loadFile(path, problems);
        if (bank == null) {
            return Reply.json(422, new ProblemsError(new HttpJson.ErrorBody.Detail(ErrorCode.BANK_INVALID.wire(),
                    "The bank has problems; fix them before exporting."), EditorJson.unplaced(problems)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KahootExport.Exported exported = KahootExport.toXlsx(bank, out);
        String stem = file.substring(0, file.lastIndexOf('.'));
        return Reply.download(out.toByteArray(), UploadRoutes.XLSX, stem + "-kahoot.xlsx",
                Map.of("X-Quizroom-Skipped", String.join(",",
                        exported.skipped().stream().map(KahootExport.Note::questionId).toList())));
    }
}
