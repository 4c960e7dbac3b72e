package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * The street skeleton of the demo district, in the local metric plane. Two families of straight,
 * slightly slanted lines: {@value #COLUMNS} + 1 column lines running north–south (x = offset + slant·y)
 * and row lines running east–west (y = offset + slant·x), about 155–195 m apart. Every third or
 * fourth line is a main road (400–700 m apart); the outermost lines are main roads and the
 * sub-district boundary runs along their centre lines.
 *
 * <p>One row of cells, the creek row, is a 100–120 m band between two embankment streets; the creek
 * meanders inside it (see {@link CreekCourse}). Only the 2 or 3 {@linkplain #bridgeColumns() bridge
 * columns} continue across that band; every other column line stops at the embankments.
 *
 * <p>Positions are addressed on a lattice of {@value #LATTICE} units per block side: x runs from 0
 * (west boundary) to {@code columns() * LATTICE}, y from 0 (south boundary) to {@code rows() * LATTICE}.
 * {@link #point} maps a lattice position to metres bilinearly within its block, so a lattice line
 * inside a block is a straight segment and lattice rectangles that tile the lattice tile the district.
 */
final class StreetPlan {

    static final int LATTICE = 24;
    static final int COLUMNS = 13;

    private static final double MAX_SLANT = 0.012;

    private final double[] columnOffset;
    private final double[] columnSlant;
    private final double[] rowOffset;
    private final double[] rowSlant;
    private final int rows;
    private final int creekRow;
    private final int[] columnGroupLines;
    private final int[] rowGroupLines;
    private final boolean[] mainColumn;
    private final boolean[] mainRow;
    private final StreetName[] columnNames;
    private final StreetName[] rowNames;
    private final List<Integer> bridgeColumns;
    private final Coordinate[][] corners;

    private StreetPlan(double[] columnOffset, double[] columnSlant, double[] rowOffset, double[] rowSlant,
            int creekRow, int[] columnGroupLines, int[] rowGroupLines, StreetName[] columnNames,
            StreetName[] rowNames, List<Integer> bridgeColumns) {
        this.columnOffset = columnOffset;
        this.columnSlant = columnSlant;
        this.rowOffset = rowOffset;
        this.rowSlant = rowSlant;
        this.rows = rowOffset.length - 1;
        this.creekRow = creekRow;
        this.columnGroupLines = columnGroupLines;
        this.rowGroupLines = rowGroupLines;
        this.columnNames = columnNames;
        this.rowNames = rowNames;
        this.bridgeColumns = List.copyOf(bridgeColumns);
        this.mainColumn = new boolean[COLUMNS + 1];
        for (int line : columnGroupLines) {
            mainColumn[line] = true;
        }
        this.mainRow = new boolean[rows + 1];
        mainRow[0] = true;
        mainRow[3] = true;
        mainRow[rows - 3] = true;
        mainRow[rows] = true;
        this.corners = new Coordinate[COLUMNS + 1][rows + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            for (int j = 0; j <= rows; j++) {
                corners[i][j] = intersect(i, j);
            }
        }
    }

    /**
     * Lays out the lines: block widths 155–195 m, land block depths 155–185 m, a creek band of
     * 100–120 m with 4–5 rows of blocks south of it and 5–6 north of it.
     */
    static StreetPlan lay(SplittableRandom random, NameBank names) {
        double[] widths = new double[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            widths[i] = 155 + random.nextDouble() * 40;
        }
        List<Integer> gaps = NameBank.shuffled(List.of(3, 3, 3, 4), random);
        int[] columnGroupLines = new int[gaps.size() + 1];
        for (int g = 0; g < gaps.size(); g++) {
            columnGroupLines[g + 1] = columnGroupLines[g] + gaps.get(g);
        }

        int south = 4 + random.nextInt(2);
        int north = south == 4 ? 6 : 5 + random.nextInt(2);
        int creekRow = south;
        int rows = south + 1 + north;
        double[] heights = new double[rows];
        for (int j = 0; j < rows; j++) {
            heights[j] = j == creekRow ? 100 + random.nextDouble() * 20 : 155 + random.nextDouble() * 30;
        }
        int[] rowGroupLines = {0, 3, creekRow, creekRow + 1, rows - 3, rows};

        double[] columnOffset = cumulativeCentred(widths);
        double[] rowOffset = cumulativeCentred(heights);
        double[] columnSlant = new double[COLUMNS + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            columnSlant[i] = (random.nextDouble() * 2 - 1) * MAX_SLANT;
        }
        double[] rowSlant = new double[rows + 1];
        for (int j = 0; j <= rows; j++) {
            rowSlant[j] = (random.nextDouble() * 2 - 1) * MAX_SLANT;
        }
        rowSlant[creekRow + 1] = rowSlant[creekRow];

        boolean[] mainColumns = new boolean[COLUMNS + 1];
        for (int line : columnGroupLines) {
            mainColumns[line] = true;
        }
        List<BilingualName> stems = names.streetStems(random);
        int next = 0;
        StreetName[] columnNames = new StreetName[COLUMNS + 1];
        for (int i = 0; i <= COLUMNS; i++) {
            BilingualName stem = stems.get(next++);
            columnNames[i] = mainColumns[i]
                    ? new StreetName(stem.zh() + "南路", stem.en() + " Road S.", StreetName.MAIN)
                    : new StreetName(stem.zh() + "路", stem.en() + " Road", StreetName.STREET);
        }
        StreetName[] rowNames = new StreetName[rows + 1];
        for (int j = 0; j <= rows; j++) {
            boolean main = j == 0 || j == 3 || j == rows - 3 || j == rows;
            if (j == creekRow) {
                rowNames[j] = new StreetName(NameBank.CREEK_STEM.zh() + "南路", NameBank.CREEK_STEM.en() + " Road S.", StreetName.STREET);
            } else if (j == creekRow + 1) {
                rowNames[j] = new StreetName(NameBank.CREEK_STEM.zh() + "北路", NameBank.CREEK_STEM.en() + " Road N.", StreetName.STREET);
            } else {
                BilingualName stem = stems.get(next++);
                rowNames[j] = main
                        ? new StreetName(stem.zh() + "东路", stem.en() + " Road E.", StreetName.MAIN)
                        : new StreetName(stem.zh() + "路", stem.en() + " Road", StreetName.STREET);
            }
        }

        List<Integer> interiorMains = new ArrayList<>();
        for (int g = 1; g < columnGroupLines.length - 1; g++) {
            interiorMains.add(columnGroupLines[g]);
        }
        int bridgeCount = 2 + random.nextInt(2);
        List<Integer> bridges = new ArrayList<>(NameBank.pick(interiorMains, bridgeCount, random));
        Collections.sort(bridges);
        return new StreetPlan(columnOffset, columnSlant, rowOffset, rowSlant, creekRow, columnGroupLines,
                rowGroupLines, columnNames, rowNames, bridges);
    }

    private static double[] cumulativeCentred(double[] sizes) {
        double total = 0;
        for (double size : sizes) {
            total += size;
        }
        double[] offsets = new double[sizes.length + 1];
        double position = -total / 2;
        for (int k = 0; k <= sizes.length; k++) {
            offsets[k] = position;
            if (k < sizes.length) {
                position += sizes[k];
            }
        }
        return offsets;
    }

    private Coordinate intersect(int column, int row) {
        double a = columnOffset[column];
        double s = columnSlant[column];
        double b = rowOffset[row];
        double t = rowSlant[row];
        double x = (a + s * b) / (1 - s * t);
        return new Coordinate(x, b + t * x);
    }

    int columns() {
        return COLUMNS;
    }

    int rows() {
        return rows;
    }

    int creekRow() {
        return creekRow;
    }

    boolean isCreekRow(int row) {
        return row == creekRow;
    }

    boolean isMainColumn(int line) {
        return mainColumn[line];
    }

    boolean isMainRow(int line) {
        return mainRow[line];
    }

    StreetName columnName(int line) {
        return columnNames[line];
    }

    StreetName rowName(int line) {
        return rowNames[line];
    }

    /** The column lines that cross the creek on a bridge, west to east. */
    List<Integer> bridgeColumns() {
        return bridgeColumns;
    }

    /** The main column lines, west to east, including both boundary lines. */
    int[] columnGroupLines() {
        return columnGroupLines.clone();
    }

    /**
     * The row lines that bound the bands of super-blocks, south to north: the south boundary, a main
     * road, the south embankment, the north embankment, a main road, the north boundary.
     */
    int[] rowGroupLines() {
        return rowGroupLines.clone();
    }

    /** Where column line {@code column} meets row line {@code row}, in metres. */
    Coordinate corner(int column, int row) {
        return corners[column][row];
    }

    /** The whole district in lattice units. */
    LatticeRect extent() {
        return new LatticeRect(0, 0, COLUMNS * LATTICE, rows * LATTICE);
    }

    /** The blocks outside the creek row, south to north and west to east. */
    List<Block> landBlocks() {
        List<Block> blocks = new ArrayList<>();
        for (int j = 0; j < rows; j++) {
            if (j == creekRow) {
                continue;
            }
            for (int i = 0; i < COLUMNS; i++) {
                blocks.add(new Block(i, j));
            }
        }
        return blocks;
    }

    /** The metric point of a lattice position, bilinear within its block. */
    Coordinate point(double x, double y) {
        int i = Math.max(0, Math.min(COLUMNS - 1, (int) Math.floor(x / LATTICE)));
        int j = Math.max(0, Math.min(rows - 1, (int) Math.floor(y / LATTICE)));
        double u = (x - i * LATTICE) / LATTICE;
        double v = (y - j * LATTICE) / LATTICE;
        Coordinate p00 = corners[i][j];
        Coordinate p10 = corners[i + 1][j];
        Coordinate p01 = corners[i][j + 1];
        Coordinate p11 = corners[i + 1][j + 1];
        double westX = (1 - v) * p00.x + v * p01.x;
        double westY = (1 - v) * p00.y + v * p01.y;
        double eastX = (1 - v) * p10.x + v * p11.x;
        double eastY = (1 - v) * p10.y + v * p11.y;
        return new Coordinate((1 - u) * westX + u * eastX, (1 - u) * westY + u * eastY);
    }

    /** The mean east–west size of a block in metres. */
    double blockWidth(Block block) {
        int i = block.column();
        int j = block.row();
        return (corners[i][j].distance(corners[i + 1][j]) + corners[i][j + 1].distance(corners[i + 1][j + 1])) / 2;
    }

    /** The mean north–south size of a block in metres. */
    double blockDepth(Block block) {
        int i = block.column();
        int j = block.row();
        return (corners[i][j].distance(corners[i][j + 1]) + corners[i + 1][j].distance(corners[i + 1][j + 1])) / 2;
    }

    /** Metres from the south end of a column line to a point on (or beside) it. */
    double distanceAlongColumn(int column, Coordinate point) {
        return along(corners[column][0], corners[column][rows], point);
    }

    /** Metres from the west end of a row line to a point on (or beside) it. */
    double distanceAlongRow(int row, Coordinate point) {
        return along(corners[0][row], corners[COLUMNS][row], point);
    }

    private static double along(Coordinate start, Coordinate end, Coordinate point) {
        double dx = end.x - start.x;
        double dy = end.y - start.y;
        double length = Math.hypot(dx, dy);
        return ((point.x - start.x) * dx + (point.y - start.y) * dy) / length;
    }

    /**
     * A house number in the Shanghai manner: odd on one side of the street, even on the other,
     * rising by two about every 8 m from the start of the street.
     */
    static int houseNumber(double metresAlong, boolean oddSide) {
        int step = (int) Math.max(0, Math.floor(metresAlong / 8));
        return 2 * step + (oddSide ? 1 : 2);
    }
}
