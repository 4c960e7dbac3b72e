package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Fixture files and the comparisons the import tests share. */
final class ImportFixtures {

    static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    private ImportFixtures() {
    }

    /** Copies fixtures/import/NAME from the test resources into the directory. */
    static Path copy(String name, Path directory) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/fixtures/import/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            Path target = directory.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path directory, String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult importFile(Path file, String layerId, SourceOptions sourceOptions, ImportOptions options) {
        try (FeatureSource source = FeatureSources.open(file, sourceOptions)) {
            return new LayerImporter(CATALOGUE).read(source, layerId, options, ImportProgress.NONE);
        }
    }

    static ImportResult importFile(Path file, String layerId) {
        return importFile(file, layerId, SourceOptions.defaults(), ImportOptions.defaults());
    }

    static List<Feature> features(ImportResult result) {
        return result.changes().changes().stream().map(c -> ((ChangeSet.Insert) c).feature()).toList();
    }

    /** Same attributes, and every vertex within 1 cm, whatever the ring orientation and start vertex. */
    static void assertSameFeatures(List<Feature> actual, List<Feature> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Feature a = actual.get(i);
            Feature e = expected.get(i);
            assertThat(a.id()).isZero();
            assertThat(a.properties()).as("attributes of feature %d", i + 1).isEqualTo(e.properties());
            assertWithinOneCentimetre(a.geometry(), e.geometry(), "feature " + (i + 1));
        }
    }

    static void assertWithinOneCentimetre(Geometry actual, Geometry expected, String what) {
        Geometry a = actual.norm();
        Geometry e = expected.norm();
        assertThat(a.getGeometryType()).as(what).isEqualTo(e.getGeometryType());
        assertThat(a.getNumGeometries()).as(what + " parts").isEqualTo(e.getNumGeometries());
        Coordinate[] ac = a.getCoordinates();
        Coordinate[] ec = e.getCoordinates();
        assertThat(ac).as(what + " vertices").hasSameSizeAs(ec);
        for (int i = 0; i < ec.length; i++) {
            assertThat(metres(ac[i], ec[i])).as("%s vertex %d: %s vs %s", what, i, ac[i], ec[i]).isLessThan(0.01);
        }
    }

    static double metres(Coordinate a, Coordinate b) {
        double lat = Math.toRadians((a.y + b.y) / 2);
        return Math.hypot(Math.toRadians(a.x - b.x) * Math.cos(lat) * 6_371_008.8, Math.toRadians(a.y - b.y) * 6_371_008.8);
    }
}
