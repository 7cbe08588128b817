package app.quizroom.bank.sheet;

import java.util.List;

/**
 * One row of a spreadsheet or CSV file, whatever its format.
 *
 * @param number the row number a spreadsheet program shows (from 1)
 * @param cells  each cell's text by column, "" for an empty cell
 * @param problems cells that hold no usable text (a formula with no saved result, an error value), as reasons
 */
record SheetRow(int number, List<String> cells, List<String> problems) {

    SheetRow {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    /** The text of a column, stripped; "" past the last cell. */
    String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
    }
}
