package org.lilong.geodata.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.Geometry;

/** Districts generated once per test run, and the metric view of their geometries. */
final class GeneratedDistricts {

    /** The default seed and a few others, so that invariants are shown to hold for more than one layout. */
    static final List<Long> SEEDS = List.of(DemoDistrictGenerator.DEFAULT_SEED, 1L, 7L, 42L, 20240601L);

    private static final Map<Long, DemoDistrict> CACHE = new ConcurrentHashMap<>();

    private GeneratedDistricts() {
    }

    static DemoDistrict of(long seed) {
        return CACHE.computeIfAbsent(seed, DemoDistrictGenerator::generate);
    }

    static DemoDistrict standard() {
        return of(DemoDistrictGenerator.DEFAULT_SEED);
    }

    static Geometry metric(Geometry lonLat) {
        return new LocalProjection().toMetric(lonLat);
    }

    static Map<String, Feature> gridsByCode(DemoDistrict district) {
        return district.features(LayerCatalogue.GRIDS).stream()
                .collect(Collectors.toMap(f -> f.text("code"), f -> f));
    }

    static Map<String, List<Feature>> gridChildren(DemoDistrict district) {
        return district.features(LayerCatalogue.GRIDS).stream()
                .filter(f -> f.text("parent_code") != null)
                .collect(Collectors.groupingBy(f -> f.text("parent_code")));
    }

    static Geometry subdistrictBoundary(DemoDistrict district) {
        return district.features(LayerCatalogue.SUBDISTRICTS).get(0).geometry();
    }
}
