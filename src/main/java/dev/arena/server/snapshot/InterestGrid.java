package dev.arena.server.snapshot;

import dev.arena.game.Rules;

/**
 * Interest management: the map cut into square cells {@code cellSize} map units wide; a player sees its own cell and
 * the eight around it. With {@code cellSize} 0 the whole map is one cell and everyone sees everyone. Cells are
 * numbered row by row from 0. Immutable; the views are computed once.
 */
public final class InterestGrid {
    private final int cellSize;
    private final int columns;
    private final int rows;
    private final int[][] views;
    private final int[] everything;

    public InterestGrid(Rules rules, int cellSize) {
        this.cellSize = cellSize;
        this.columns = cellSize <= 0 ? 1 : (rules.width() + cellSize - 1) / cellSize;
        this.rows = cellSize <= 0 ? 1 : (rules.height() + cellSize - 1) / cellSize;
        this.views = new int[columns * rows][];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int n = 0;
                int[] view = new int[9];
                for (int r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
                    for (int c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
                        view[n++] = r * columns + c;
                    }
                }
                views[row * columns + column] = java.util.Arrays.copyOf(view, n);
            }
        }
        this.everything = java.util.stream.IntStream.range(0, columns * rows).toArray();
    }

    /** Every cell: the view of those who watch the whole room (screens, spectators). */
    public int[] everything() {
        return everything;
    }

    public int cellCount() {
        return columns * rows;
    }

    /** The cell of a position (positions on the map's edge belong to the last cell). */
    public int cellOf(double x, double y) {
        if (cellSize <= 0) {
            return 0;
        }
        int column = Math.min(columns - 1, Math.max(0, (int) (x / cellSize)));
        int row = Math.min(rows - 1, Math.max(0, (int) (y / cellSize)));
        return row * columns + column;
    }

    /** The cells a player in {@code cell} sees, ascending. Shared: do not change. */
    public int[] view(int cell) {
        return views[cell];
    }
}
