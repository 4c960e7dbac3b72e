package org.lilong.geodata.io.export;

import static org.lilong.layers.model.AttributeDefinition.internalAttribute;
import static org.lilong.layers.model.AttributeDefinition.publicAttribute;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.AttributeType;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GeometryType;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.TemporalProperty;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Small layers with what exports find hard: every attribute type, nulls, Chinese text with commas,
 * quotes and a line break, text longer than a DBF field, names longer than 10 characters that clash
 * when cut, rings in the wrong orientation, holes, multi-part geometries, an internal attribute.
 */
final class ExportFixtures {

    static final String TRICKY_TEXT = "金坛居民区, \"东\"片\r\n第二行";
    static final String LONG_TEXT = "弄".repeat(300);

    static final LayerDefinition PLACES = new LayerDefinition("test-places", "测试地块", "Test places", "", "",
            GeometryType.POLYGON, List.of(
                    publicAttribute("name", AttributeType.TEXT, "名称", "Name"),
                    publicAttribute("description_long", AttributeType.TEXT, "说明", "Description"),
                    publicAttribute("description_longer", AttributeType.TEXT, "详细说明", "Longer description"),
                    publicAttribute("residents", AttributeType.INTEGER, "常住人口", "Residents"),
                    publicAttribute("area_m2", AttributeType.REAL, "面积", "Area"),
                    publicAttribute("opened", AttributeType.DATE, "开放日期", "Opened"),
                    publicAttribute("open_now", AttributeType.BOOLEAN, "开放中", "Open now"),
                    internalAttribute("households", AttributeType.INTEGER, "户数", "Households")),
            new TemporalProperty("opened", null), false);

    static final LayerDefinition LINES = new LayerDefinition("test-lines", "测试道路", "Test lines", "", "",
            GeometryType.LINESTRING, List.of(
                    publicAttribute("name", AttributeType.TEXT, "名称", "Name"),
                    publicAttribute("bridge", AttributeType.BOOLEAN, "桥梁", "Bridge")),
            null, false);

    static final LayerDefinition POINTS = new LayerDefinition("test-points", "测试站点", "Test points", "", "",
            GeometryType.POINT, List.of(
                    publicAttribute("name", AttributeType.TEXT, "名称", "Name"),
                    internalAttribute("manager_phone", AttributeType.TEXT, "负责人电话", "Manager's phone")),
            null, false);

    private ExportFixtures() {
    }

    static List<LayerDefinition> layers() {
        return List.of(PLACES, LINES, POINTS);
    }

    static List<Feature> features(LayerDefinition layer) {
        return switch (layer.id()) {
            case "test-places" -> List.of(
                    // Shell and hole both counter-clockwise: the hole is the wrong way round for every format.
                    feature(1, "POLYGON ((121.48 31.22, 121.49 31.22, 121.49 31.23, 121.48 31.23, 121.48 31.22),"
                                    + " (121.483 31.223, 121.486 31.223, 121.486 31.226, 121.483 31.226, 121.483 31.223))",
                            "name", TRICKY_TEXT, "description_long", "Jintan", "residents", 3200L, "area_m2", 2500.5,
                            "opened", LocalDate.of(2021, 9, 1), "open_now", true, "households", 1300L),
                    // Two parts, the first clockwise, the second counter-clockwise; every other value null.
                    feature(2, "MULTIPOLYGON (((121.50 31.22, 121.50 31.23, 121.51 31.23, 121.51 31.22, 121.50 31.22)),"
                            + " ((121.52 31.22, 121.53 31.22, 121.53 31.23, 121.52 31.23, 121.52 31.22)))", "name", "多边形"),
                    feature(7, "POLYGON ((121.4712345678 31.2112345678, 121.4723456789 31.2112345678, 121.4723456789 31.2123456789,"
                                    + " 121.4712345678 31.2112345678))",
                            "name", "三角", "description_long", LONG_TEXT, "description_longer", "second long-named field",
                            "residents", -5L, "area_m2", 0.000123, "opened", LocalDate.of(1999, 12, 31), "open_now", false));
            case "test-lines" -> List.of(
                    feature(1, "LINESTRING (121.48 31.23, 121.49 31.231, 121.50 31.23)", "name", "复兴东路", "bridge", false),
                    feature(2, "MULTILINESTRING ((121.49 31.22, 121.49 31.225), (121.49 31.226, 121.49 31.24))",
                            "name", "河南南路", "bridge", true));
            case "test-points" -> List.of(
                    feature(1, "POINT (121.493 31.236)", "name", "市民驿站（金坛路站）", "manager_phone", "13900000000"),
                    feature(3, "MULTIPOINT ((121.485 31.225))", "name", "社区食堂"));
            default -> throw new IllegalArgumentException(layer.id());
        };
    }

    static Feature feature(long id, String wkt, Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Feature(id, geometry(wkt), properties);
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
