package app.quizroom.bank.sheet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the rows of the first worksheet of an .xlsx file with fastexcel's streaming reader. The file is a zip
 * archive: before reading, its entries are inflated once and counted, so that a small upload that inflates to
 * gigabytes (a zip bomb) is refused instead of exhausting memory.
 */
final class XlsxRows {

    /** What the parts of one workbook may inflate to, together: far above any question sheet. */
    static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;
    static final int MAX_ENTRIES = 500;

    private XlsxRows() {
    }

    static List<SheetRow> read(byte[] bytes) throws SheetException {
        if (ReadableWorkbook.isOLE2Header(Arrays.copyOf(bytes, 8))) {
            throw new SheetException("this is an Excel 97–2003 (.xls) file: save it as an Excel Workbook (.xlsx) first");
        }
        checkInflatedSize(bytes);
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                rows.add(row(row));
            }
        } catch (IOException | ExcelReaderException e) {
            throw new SheetException("not a readable .xlsx file (" + e.getMessage() + ")");
        }
        return rows;
    }

    private static SheetRow row(Row row) {
        List<String> cells = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Cell cell : row) {
            if (cell == null) {
                continue;
            }
            while (cells.size() < cell.getColumnIndex()) {
                cells.add("");
            }
            String where = "cell " + cell.getAddress();
            switch (cell.getType()) {
                case STRING -> cells.add(cell.asString());
                case NUMBER -> cells.add(plain(cell.asNumber()));
                case BOOLEAN -> cells.add(cell.asBoolean() ? "TRUE" : "FALSE");
                case FORMULA -> {
                    // the result the spreadsheet program saved with the formula; fastexcel cannot compute one
                    String saved = cell.getRawValue();
                    if (saved == null || saved.isEmpty()) {
                        problems.add(where + " holds a formula with no saved result (type the value instead)");
                        cells.add("");
                    } else {
                        cells.add(saved);
                    }
                }
                case ERROR -> {
                    problems.add(where + " shows an error (" + cell.getRawValue() + ")");
                    cells.add("");
                }
                default -> cells.add("");
            }
        }
        return new SheetRow(row.getRowNum(), cells, problems);
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /**
     * Inflates every part once, counting, through the zip reader fastexcel itself uses (commons-compress, from the
     * central directory): a streaming zip reader would refuse the files fastexcel's own writer makes.
     */
    private static void checkInflatedSize(byte[] bytes) throws SheetException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    throw new SheetException("not a question sheet: the .xlsx archive holds over " + MAX_ENTRIES + " parts");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                        if (total > MAX_INFLATED_BYTES) {
                            throw new SheetException("not a question sheet: the .xlsx file inflates to over "
                                    + MAX_INFLATED_BYTES / (1024 * 1024) + " MiB");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SheetException("not an .xlsx file (it cannot be read as a zip archive)");
        }
    }
}
