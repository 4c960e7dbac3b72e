package org.lilong.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.osm.OsmStreetImporter;
import org.lilong.geodata.osm.OsmStreets;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;
import org.lilong.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lilong import-osm}: replaces the {@code streets} layer with the walkable ways of an
 * OpenStreetMap file, the streets the walking network is built from. The file is read and checked
 * whole before the store is opened; the old streets are deleted and the new inserted in one
 * transaction. A problem is one line on stderr naming the file and the position, then nothing is
 * written (exit 1); usage errors exit 2.
 */
@Command(name = "import-osm", mixinStandardHelpOptions = true,
        description = {"Replace the streets layer with the walkable ways of an OpenStreetMap file, in one transaction.",
                "Formats: OSM XML (.osm, .osm.xml) and PBF (.osm.pbf). Walkability follows the tags as a pedestrian router does."})
final class ImportOsmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the OpenStreetMap file: .osm or .osm.pbf")
    Path file;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory holding lilong.gpkg (default: data, unless LILONG_STORE is set)")
    Path data;

    @Option(names = "--store", paramLabel = "URL", description = "a PostgreSQL + PostGIS database instead of the GeoPackage:"
            + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
    String store;

    @Override
    public Integer call() {
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String name = file.getFileName().toString();
        try {
            OsmStreets streets = new OsmStreetImporter().read(file);
            if (streets.streets().isEmpty()) {
                // Replacing the layer with nothing is never what an import of a street map means.
                System.err.println("lilong import-osm: " + name + ": no walkable ways among its " + streets.waysRead()
                        + " ways; nothing written");
                return 1;
            }
            try (FeatureStore target = location.open()) {
                List<Long> stored = target.readAll(LayerCatalogue.STREETS).stream().map(Feature::id).toList();
                List<Feature> written = target.apply(streets.replacing(stored));
                System.out.println("Imported " + written.size() + " streets from " + name + " into layer streets of "
                        + location.describe() + ", replacing " + stored.size() + ".");
                System.out.println("  nodes read: " + streets.nodesRead() + "; ways read: " + streets.waysRead()
                        + "; walkable: " + streets.walkableWays() + "; attribution: " + OsmStreets.ATTRIBUTION);
                if (streets.waysMissingNodes() > 0) {
                    System.out.println("  " + streets.waysMissingNodes() + " walkable ways refer to nodes the file lacks;"
                            + " they were cut where the nodes are missing");
                }
                return 0;
            }
        } catch (FeatureSourceException e) {
            System.err.println("lilong import-osm: " + e.getMessage() + "; nothing written");
            return 1;
        } catch (InvalidChangeException | StoreException e) {
            System.err.println("lilong import-osm: " + name + " into " + location.describe() + ": " + e.getMessage() + "; nothing written");
            return 1;
        }
    }
}
