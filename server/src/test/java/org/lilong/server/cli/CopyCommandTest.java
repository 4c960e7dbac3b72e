package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.geodata.io.copy.LayerChecksum;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.gpkg.GeoPackageStore;

class CopyCommandTest extends CliTestSupport {

    @TempDir
    Path dir;

    @Test
    void copiesADataDirectoryIntoANewGeoPackageAndVerifiesIt() throws IOException {
        Path source = smallDistrictData(Files.createDirectories(dir.resolve("data")));
        Path target = dir.resolve("copy").resolve("district.gpkg");
        assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", target.toString())).isZero();
        String table = out();
        assertThat(table).contains("layer", "source", "target", "sha-256");
        for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
            assertThat(table).containsPattern("(?m)^" + layer.id() + " +\\d+ +\\d+  [0-9a-f]{16}  ok$");
        }
        assertThat(table).containsPattern("(?m)^metadata +4 +4  [0-9a-f]{16}  ok$")
                .contains("Copied 18 features in 8 layers and 4 metadata entries", "verified");
        try (FeatureStore from = DataDirectory.open(source);
             FeatureStore to = GeoPackageStore.open(target, LayerCatalogue.standard())) {
            for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
                assertThat(LayerChecksum.of(layer, to.readAll(layer.id())))
                        .isEqualTo(LayerChecksum.of(layer, from.readAll(layer.id())));
            }
            assertThat(to.metadata()).isEqualTo(from.metadata());
        }
    }

    @Test
    void copiesBetweenDataDirectories() {
        Path source = smallDistrictData(dir.resolve("a"));
        Path target = dir.resolve("b");
        assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", target.toString())).isZero();
        assertThat(target.resolve(DataDirectory.FILE_NAME)).exists();
    }

    @Test
    void refusesANonEmptyTargetAndChangesNothingThere() throws IOException {
        Path source = smallDistrictData(dir.resolve("a"));
        Path target = dir.resolve("b.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(target, LayerCatalogue.standard())) {
            store.apply(new ChangeSet().putMetadata("dataset.title", "someone else's data"));
        }
        byte[] before = Files.readAllBytes(target);
        assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", target.toString())).isEqualTo(1);
        assertThat(err()).contains("lilong copy: the target " + target + " is not empty; nothing was copied");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    @Test
    void aMissingSourceIsAnErrorAndIsNotCreated() {
        Path source = dir.resolve("nothing-here");
        assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", dir.resolve("b.gpkg").toString())).isEqualTo(1);
        assertThat(err()).contains("cannot open the source", "does not exist");
        assertThat(source).doesNotExist();
    }

    /**
     * GeoPackage → PostGIS → GeoPackage, on a throwaway database of the cluster LILONG_TEST_PG_URL names
     * (run-tests starts one); skipped without it unless LILONG_REQUIRE_POSTGIS=true.
     */
    @Test
    void copiesIntoPostgisAndBackVerifiedAndRefusesToCopyIntoItTwice() throws Exception {
        String adminUrl = System.getenv("LILONG_TEST_PG_URL");
        if (adminUrl == null || adminUrl.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("LILONG_REQUIRE_POSTGIS"))) {
                throw new AssertionError("LILONG_TEST_PG_URL is not set and LILONG_REQUIRE_POSTGIS=true");
            }
            Assumptions.abort("LILONG_TEST_PG_URL is not set: no PostgreSQL + PostGIS cluster to copy into");
        }
        String name = "lilong_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin(adminUrl, "CREATE DATABASE " + name);
        try {
            String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            Path source = smallDistrictData(dir.resolve("a"));
            assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", url)).as(err()).isZero();
            assertThat(out()).contains("Copied 18 features in 8 layers and 4 metadata entries", "verified")
                    .doesNotContain("user=");
            Path back = dir.resolve("back.gpkg");
            assertThat(LilongCommand.run("copy", "--from", url, "--to", back.toString())).as(err()).isZero();
            try (FeatureStore from = DataDirectory.open(source);
                 FeatureStore to = GeoPackageStore.open(back, LayerCatalogue.standard())) {
                for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
                    assertThat(LayerChecksum.of(layer, to.readAll(layer.id())))
                            .isEqualTo(LayerChecksum.of(layer, from.readAll(layer.id())));
                }
            }
            assertThat(LilongCommand.run("copy", "--from", source.toString(), "--to", url)).isEqualTo(1);
            assertThat(err()).contains("is not empty; nothing was copied").doesNotContain("user=");
        } finally {
            admin(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void admin(String url, String sql) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theSameFileIsRefused() {
        Path source = smallDistrictData(dir.resolve("a"));
        assertThat(LilongCommand.run("copy", "--from", source.toString(),
                "--to", source.resolve(DataDirectory.FILE_NAME).toString())).isEqualTo(1);
        assertThat(err()).contains("the same file");
    }
}
