package org.lilong.layers.isochrone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Geometry;

/**
 * The rasters of {@link ReachField} against a brute-force scan: a sample is set exactly when its
 * distance to a stamped piece is within the radius (the water radius in water), for random pieces of
 * every direction, points included; and {@link SampleLattice#waterWord} against
 * {@link SampleLattice#isWater}, sample by sample. Samples within a micrometre of the radius are left
 * out of the comparison: there, rounding may decide either way.
 */
class ReachFieldTest {

    private static final double CELL = 10;
    private static final double RADIUS = 25;
    private static final double WATER_RADIUS = CELL * Math.sqrt(2);
    private static final double BOUNDARY = 1e-6;

    /** A 600 m square of streets: the lattice spans it plus the margin. */
    private static final WalkingNetwork SQUARE = MetricSketch.network("MULTILINESTRING ((0 0, 600 0, 600 600, 0 600, 0 0))");
    /** Water over the middle, at a slant, and a pond with an island, so rows cross several shores. */
    private static final Geometry WATER = MetricSketch.lonLat("MULTIPOLYGON (((-50 250, 650 300, 650 370, -50 330, -50 250)),"
            + " ((100 420, 260 420, 260 560, 100 560, 100 420), (150 470, 200 470, 200 510, 150 510, 150 470)))");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aStampedPieceSetsExactlyTheSamplesWithinTheRadius(long seed) {
        checkRandomPieces(new SampleLattice(SQUARE, List.of(), CELL, RADIUS + 3 * CELL), new Random(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void inWaterOnlyTheSamplesWithinTheWaterRadiusAreSet(long seed) {
        checkRandomPieces(new SampleLattice(SQUARE, MetricSketch.parts(WATER), CELL, RADIUS + 3 * CELL), new Random(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void eachRasterHoldsThePiecesOfItsOwnAndEverySmallerLimit(long seed) {
        Random random = new Random(seed);
        SampleLattice lattice = new SampleLattice(SQUARE, MetricSketch.parts(WATER), CELL, RADIUS + 3 * CELL);
        ReachField field = new ReachField();
        field.reset(0, 0, lattice.columns(), lattice.rows(), 3);
        double[][] pieces = new double[9][];
        for (int p = 0; p < pieces.length; p++) {
            pieces[p] = randomPiece(lattice, random);
            field.stamp(lattice, p % 3, pieces[p][0], pieces[p][1], pieces[p][2], pieces[p][3], RADIUS, WATER_RADIUS);
        }
        field.accumulate();
        for (int j = 0; j < lattice.rows(); j++) {
            for (int i = 0; i < lattice.columns(); i++) {
                for (int band = 0; band < 3; band++) {
                    Boolean expected = false;
                    for (int p = 0; p < pieces.length && expected != null && !expected; p++) {
                        if (p % 3 <= band) {
                            expected = expectedSet(lattice, pieces[p], i, j);
                        }
                    }
                    if (expected != null) {
                        assertThat(field.isSet(band, i, j)).as("sample (%d, %d) in raster %d", i, j, band).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void aWaterWordHoldsTheWaterOfSixtyFourSamplesOfItsRow(long seed) {
        Random random = new Random(seed);
        SampleLattice lattice = new SampleLattice(SQUARE, MetricSketch.parts(WATER), CELL, RADIUS + 3 * CELL);
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(lattice.columns() + 140) - 70;
            int j = random.nextInt(lattice.rows() + 4) - 2;
            long word = lattice.waterWord(i, j);
            for (int b = 0; b < 64; b++) {
                assertThat((word >>> b & 1) != 0).as("bit %d of the word at (%d, %d)", b, i, j).isEqualTo(lattice.isWater(i + b, j));
            }
        }
    }

    private static void checkRandomPieces(SampleLattice lattice, Random random) {
        ReachField field = new ReachField();
        for (int p = 0; p < 40; p++) {
            double[] piece = randomPiece(lattice, random);
            // A window that does not start at the lattice's corner, as in a build.
            int i0 = random.nextInt(4);
            int j0 = random.nextInt(4);
            field.reset(i0, j0, lattice.columns() - i0, lattice.rows() - j0, 1);
            field.stamp(lattice, 0, piece[0], piece[1], piece[2], piece[3], RADIUS, WATER_RADIUS);
            for (int j = 0; j < field.height; j++) {
                for (int i = 0; i < field.width; i++) {
                    Boolean expected = expectedSet(lattice, piece, i0 + i, j0 + j);
                    if (expected != null) {
                        assertThat(field.isSet(0, i, j)).as("sample (%d, %d) for piece %s", i0 + i, j0 + j,
                                java.util.Arrays.toString(piece)).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** A piece well inside the lattice: any direction, axis-parallel, or a single point. */
    private static double[] randomPiece(SampleLattice lattice, Random random) {
        double margin = RADIUS + 2 * CELL;
        double width = (lattice.columns() - 1) * CELL - 2 * margin;
        double height = (lattice.rows() - 1) * CELL - 2 * margin;
        double ax = margin + random.nextDouble() * width;
        double ay = margin + random.nextDouble() * height;
        double bx = margin + random.nextDouble() * width;
        double by = margin + random.nextDouble() * height;
        switch (random.nextInt(5)) {
            case 0 -> bx = ax;
            case 1 -> by = ay;
            case 2 -> {
                bx = ax;
                by = ay;
            }
            case 3 -> {
                // On lattice lines, where a row meets the piece's end discs exactly.
                ax = Math.rint(ax / CELL) * CELL;
                ay = Math.rint(ay / CELL) * CELL;
            }
            default -> {
            }
        }
        return new double[] {ax, ay, bx, by};
    }

    /** Whether lattice sample (i, j) is within reach of the piece, or null within a rounding of the limit. */
    private static Boolean expectedSet(SampleLattice lattice, double[] piece, int i, int j) {
        double limit = lattice.isWater(i, j) ? WATER_RADIUS : RADIUS;
        double distance = distanceToSegment(i * CELL, j * CELL, piece);
        if (Math.abs(distance - limit) <= BOUNDARY) {
            return null;
        }
        return distance < limit;
    }

    private static double distanceToSegment(double x, double y, double[] piece) {
        double dx = piece[2] - piece[0];
        double dy = piece[3] - piece[1];
        double squared = dx * dx + dy * dy;
        double t = squared == 0 ? 0 : Math.max(0, Math.min(1, ((x - piece[0]) * dx + (y - piece[1]) * dy) / squared));
        return Math.hypot(x - (piece[0] + t * dx), y - (piece[1] + t * dy));
    }
}
