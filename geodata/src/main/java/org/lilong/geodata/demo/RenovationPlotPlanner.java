package org.lilong.geodata.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.RenovationStage;
import org.locationtech.jts.geom.Polygon;

/**
 * Plans the {@code renovation-plots} layer: 8 old-housing plots, each a whole block or half a
 * block of land, covering every {@link RenovationStage} at least once. The type follows the stage
 * (expropriation and complete-set renovation go through signing and relocation; repair and
 * elevator retrofits do not relocate anyone). Signed households are 0 during consultation, 62–97 %
 * while signing and 100 % afterwards. Dates are drawn relative to a fixed reference day
 * ({@link #REFERENCE_DAY}), never the clock; only finished plots have a finish date.
 */
final class RenovationPlotPlanner {

    static final LocalDate REFERENCE_DAY = LocalDate.of(2025, 6, 30);
    private static final int PLOTS = 8;

    private final StreetPlan plan;
    private final LatticeOutliner outliner;
    private final LocalProjection projection;
    private final NameBank names;
    private final SplittableRandom random;

    RenovationPlotPlanner(StreetPlan plan, LatticeOutliner outliner, LocalProjection projection, NameBank names,
            SplittableRandom random) {
        this.plan = plan;
        this.outliner = outliner;
        this.projection = projection;
        this.names = names;
        this.random = random;
    }

    /**
     * @param taken blocks already used; the plots' blocks are added to it
     */
    List<Feature> plan(Set<Block> taken) {
        List<RenovationStage> stages = new ArrayList<>(List.of(RenovationStage.values()));
        while (stages.size() < PLOTS) {
            stages.add(RenovationStage.values()[random.nextInt(RenovationStage.values().length)]);
        }
        stages = NameBank.shuffled(stages, random);
        List<BilingualName> stems = names.compoundStems(random);
        List<Block> blocks = NameBank.shuffled(plan.landBlocks(), random);
        List<Feature> plots = new ArrayList<>();
        int nextBlock = 0;
        for (int p = 0; p < PLOTS; p++) {
            Block block = blocks.get(nextBlock++);
            while (taken.contains(block)) {
                block = blocks.get(nextBlock++);
            }
            taken.add(block);
            plots.add(plot(block, stages.get(p), stems.get(p)));
        }
        return plots;
    }

    private Feature plot(Block block, RenovationStage stage, BilingualName stem) {
        LatticeRect rect = block.rect();
        int half = StreetPlan.LATTICE / 2;
        switch (random.nextInt(3)) {
            case 0 -> rect = rect.southOf(rect.y0() + half);
            case 1 -> rect = rect.westOf(rect.x0() + half);
            default -> { }
        }
        Polygon metric = Inset.by(outliner.metricOutline(rect), ResidentialAreaBuilder.STREET_SETBACK);
        String type = typeFor(stage);
        long households = Math.round(metric.getArea() * (0.015 + random.nextDouble() * 0.015));
        long signed = switch (stage) {
            case CONSULTATION -> 0;
            case SIGNING -> Math.round(households * (0.62 + random.nextDouble() * 0.35));
            default -> households;
        };
        LocalDate start = switch (stage) {
            case CONSULTATION -> day(2025, 0, 150);
            case SIGNING -> day(2024, 60, 360);
            case RELOCATION -> day(2023, 0, 540);
            case CONSTRUCTION -> day(2021, 150, 900);
            case DONE -> day(2016, 0, 2000);
        };
        BilingualName name = nameFor(type, stem);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name.zh());
        properties.put("name_en", name.en());
        properties.put("type", type);
        properties.put("stage", stage.code());
        properties.put("households", households);
        properties.put("signed_households", signed);
        properties.put("start_date", start);
        if (stage == RenovationStage.DONE) {
            LocalDate finish = start.plusDays(400 + random.nextInt(700));
            properties.put("finish_date", finish.isBefore(REFERENCE_DAY) ? finish : REFERENCE_DAY.minusDays(30));
        }
        return new Feature(0, projection.toLonLat(metric), properties);
    }

    private String typeFor(RenovationStage stage) {
        List<String> types = switch (stage) {
            case CONSULTATION, SIGNING -> List.of("expropriation", "complete-set", "elevator");
            case RELOCATION -> List.of("expropriation", "complete-set");
            case CONSTRUCTION -> List.of("complete-set", "repair", "elevator");
            case DONE -> List.of("expropriation", "complete-set", "repair", "elevator");
        };
        return types.get(random.nextInt(types.size()));
    }

    private static BilingualName nameFor(String type, BilingualName stem) {
        return switch (type) {
            case "expropriation" -> new BilingualName(stem.zh() + "坊旧改地块", stem.en() + " Fang Expropriation Plot");
            case "complete-set" -> new BilingualName(stem.zh() + "里成套改造", stem.en() + " Li Complete-Set Renovation");
            case "repair" -> new BilingualName(stem.zh() + "邨综合修缮", stem.en() + " Cun Comprehensive Repair");
            default -> new BilingualName(stem.zh() + "新村加装电梯", stem.en() + " New Village Elevator Retrofit");
        };
    }

    private LocalDate day(int year, int fromDay, int toDay) {
        return LocalDate.of(year, 1, 1).plusDays(fromDay + random.nextInt(toDay - fromDay));
    }
}
