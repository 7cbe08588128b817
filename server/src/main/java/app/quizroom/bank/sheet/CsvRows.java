package app.quizroom.bank.sheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads the rows of a CSV file with Jackson's CSV reader; each record is one row, as a spreadsheet shows it. */
final class CsvRows {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    /** Excel saves "CSV" in the Windows code page of its locale; for Western Europe, this one. */
    private static final Charset EXCEL_FALLBACK = Charset.forName("windows-1252");

    private CsvRows() {
    }

    static List<SheetRow> read(byte[] bytes) throws SheetException {
        String text = decode(bytes);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
        List<SheetRow> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema).readValues(text)) {
            while (records.hasNextValue()) {
                rows.add(new SheetRow(rows.size() + 1, Arrays.asList(records.nextValue()), List.of()));
            }
        } catch (JsonProcessingException e) {
            throw new SheetException("not a readable CSV file after row " + rows.size() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SheetException("not a readable CSV file: " + e.getMessage());
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, EXCEL_FALLBACK);
        }
    }

    /**
     * The separator of the heading line: Excel writes ';' where the decimal mark is a comma, and some tools tab.
     * Counted on the heading (the line naming the question and answers) since instruction lines above it are prose,
     * and outside quotes, since the template's headings hold commas of their own.
     */
    private static char separator(String text) {
        for (String line : text.split("\r\n|\r|\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("question") && lower.contains("answer")) {
                int[] counts = new int[3];
                boolean quoted = false;
                for (char c : line.toCharArray()) {
                    quoted ^= c == '"';
                    if (!quoted) {
                        counts[0] += c == ',' ? 1 : 0;
                        counts[1] += c == ';' ? 1 : 0;
                        counts[2] += c == '\t' ? 1 : 0;
                    }
                }
                return counts[2] > counts[0] && counts[2] > counts[1] ? '\t' : counts[1] > counts[0] ? ';' : ',';
            }
        }
        return ',';
    }
}
