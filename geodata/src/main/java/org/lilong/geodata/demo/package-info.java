/**
 * The deterministic demo district: a synthetic, fictional central-Shanghai sub-district (街道)
 * around 121.49 E, 31.23 N, generated from a seed so that Lilong can be shown and tested without
 * real data. Start at {@link org.lilong.geodata.demo.DemoDistrictGenerator#generate(long)}; the
 * result, {@link org.lilong.geodata.demo.DemoDistrict}, holds every layer of the standard
 * catalogue and converts to a {@code ChangeSet} or to one canonical JSON document.
 *
 * <p>How it is built, one class per step: {@code StreetPlan} (street lines, main roads, creek
 * band, bridges), {@code CreekCourse} (the water), {@code GridHierarchyBuilder} and
 * {@code LatticeSplitter} (the five-level grid as a partition of the plan's lattice),
 * {@code LatticeOutliner} (polygons with shared rounded vertices), {@code PopulationAllocator},
 * {@code StreetNetworkBuilder} (noded streets, lanes and bridges), {@code ResidentialAreaBuilder},
 * {@code RenovationPlotPlanner}, {@code PocketParkPlanner}, {@code StationPlacer},
 * {@code GridFeatureBuilder}, {@code DistrictMetadata} and {@code CanonicalGeoJsonWriter};
 * {@code NameBank} and {@code ContactNumbers} supply the fictional names and numbers.
 */
package org.lilong.geodata.demo;
