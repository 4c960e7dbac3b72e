package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates the demo sub-district: a synthetic but plausible central-Shanghai 街道 of about
 * 2.0–2.5 km × 1.7–2.1 km around 121.49 E, 31.23 N, the same for the same seed, byte for byte.
 *
 * <p>The layout: a slightly skewed grid of streets (main roads every 3–4 blocks, streets between,
 * lanes inside the blocks) from {@link StreetPlan}; a creek running west–east through a band of its
 * own ({@link CreekCourse}), crossed only by 2–3 bridges and served as the one feature of the water
 * layer; the five-level grid tiling the district ({@link GridHierarchyBuilder}: 4–6 comprehensive
 * grids, ~40 residential-area grids, ~160 micro-grids and ~1,200 building groups); ~40 residential
 * areas with 72,000–88,000 residents ({@link PopulationAllocator}); 8 renovation plots, 12 pocket
 * parks and 60 service stations. See the classes for the details and for which facility categories
 * are deliberately sparse
 * ({@link StationPlacer}).
 *
 * <p>Geometry is worked out in a local transverse Mercator plane ({@link LocalProjection}) and
 * rounded to 7 decimals of longitude/latitude before the features are built; tilings are drawn
 * from shared vertices so that rounding keeps them exact. Randomness comes only from the seed.
 */
public final class DemoDistrictGenerator {

    /** The seed of the district Lilong ships as its demo (1843: Shanghai opens as a treaty port). */
    public static final long DEFAULT_SEED = 1843L;

    private DemoDistrictGenerator() {
    }

    public static DemoDistrict generate() {
        return generate(DEFAULT_SEED);
    }

    public static DemoDistrict generate(long seed) {
        SplittableRandom seedRandom = new SplittableRandom(seed);
        SplittableRandom streetRandom = seedRandom.split();
        SplittableRandom creekRandom = seedRandom.split();
        SplittableRandom gridRandom = seedRandom.split();
        SplittableRandom contactRandom = seedRandom.split();
        SplittableRandom populationRandom = seedRandom.split();
        SplittableRandom plotRandom = seedRandom.split();
        SplittableRandom parkRandom = seedRandom.split();
        SplittableRandom laneRandom = seedRandom.split();
        SplittableRandom stationRandom = seedRandom.split();

        LayerCatalogue catalogue = LayerCatalogue.standard();
        NameBank names = new NameBank();
        LocalProjection projection = new LocalProjection();
        StreetPlan plan = StreetPlan.lay(streetRandom, names);
        CreekCourse creek = CreekCourse.trace(plan, creekRandom, projection.localFactory());
        ContactNumbers contacts = new ContactNumbers(contactRandom);

        GridNode root = new GridHierarchyBuilder(plan, gridRandom, names, contacts).build();
        List<LatticeRect> tiles = root.atLevel(GridLevel.BUILDING_GROUP).stream().map(GridNode::rect).toList();
        LatticeOutliner outliner = new LatticeOutliner(plan, projection, tiles);
        new PopulationAllocator(populationRandom, outliner::squareMetres).allocate(root);
        Function<Block, BilingualName> areaStemAt = areaStems(plan, root);

        Set<Block> taken = new HashSet<>();
        List<Feature> plots = new RenovationPlotPlanner(plan, outliner, projection, names, plotRandom).plan(taken);
        Set<Block> plotBlocks = new HashSet<>(taken);
        List<Feature> parks = new PocketParkPlanner(plan, creek, projection, names, areaStemAt, parkRandom).plan(taken);
        Set<Block> parkBlocks = new HashSet<>(taken);
        parkBlocks.removeAll(plotBlocks);
        List<Feature> streets = new StreetNetworkBuilder(plan, creek, projection, laneRandom).build(parkBlocks);
        List<Feature> stations = new StationPlacer(plan, creek, projection, contacts, areaStemAt, stationRandom).place();
        List<Feature> grids = new GridFeatureBuilder(outliner).build(root);
        List<Feature> residentialAreas = new ResidentialAreaBuilder(outliner, projection).build(root);

        Polygon boundary = outliner.lonLatOutline(plan.extent());
        Map<String, Object> subdistrict = new LinkedHashMap<>();
        subdistrict.put("code", NameBank.SUBDISTRICT_CODE);
        subdistrict.put("name", NameBank.SUBDISTRICT.zh());
        subdistrict.put("name_en", NameBank.SUBDISTRICT.en());
        subdistrict.put("residents", root.residents());

        Polygon water = (Polygon) projection.toLonLat(creek.water());
        Map<String, Object> creekProperties = new LinkedHashMap<>();
        creekProperties.put("name", NameBank.CREEK.zh());
        creekProperties.put("name_en", NameBank.CREEK.en());
        creekProperties.put("kind", "creek");

        Map<String, List<Feature>> byLayer = new HashMap<>();
        byLayer.put(LayerCatalogue.GRIDS, grids);
        byLayer.put(LayerCatalogue.RENOVATION_PLOTS, plots);
        byLayer.put(LayerCatalogue.POCKET_PARKS, parks);
        byLayer.put(LayerCatalogue.SERVICE_STATIONS, stations);
        byLayer.put(LayerCatalogue.STREETS, streets);
        byLayer.put(LayerCatalogue.WATER, List.of(new Feature(0, water, creekProperties)));
        byLayer.put(LayerCatalogue.RESIDENTIAL_AREAS, residentialAreas);
        byLayer.put(LayerCatalogue.SUBDISTRICTS, List.of(new Feature(0, boundary, subdistrict)));
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        for (LayerDefinition layer : catalogue.layers()) {
            layers.put(layer.id(), numbered(byLayer.getOrDefault(layer.id(), List.of())));
        }

        Map<String, String> metadata = DistrictMetadata.describe(seed, catalogue, boundary,
                outliner.squareMetres(plan.extent()));
        return new DemoDistrict(seed, layers, metadata);
    }

    private static List<Feature> numbered(List<Feature> features) {
        List<Feature> numbered = new ArrayList<>(features.size());
        for (int k = 0; k < features.size(); k++) {
            numbered.add(features.get(k).withId(k + 1));
        }
        return numbered;
    }

    /** Which residential area's name stem each land block belongs to. */
    private static Function<Block, BilingualName> areaStems(StreetPlan plan, GridNode root) {
        Map<Block, BilingualName> stems = new HashMap<>();
        for (GridNode area : root.atLevel(GridLevel.RESIDENTIAL)) {
            for (Block block : plan.landBlocks()) {
                if (area.land().contains(block.rect())) {
                    stems.put(block, area.residentialStem());
                }
            }
        }
        return block -> {
            BilingualName stem = stems.get(block);
            if (stem == null) {
                throw new IllegalArgumentException("no residential area on block " + block);
            }
            return stem;
        };
    }
}
