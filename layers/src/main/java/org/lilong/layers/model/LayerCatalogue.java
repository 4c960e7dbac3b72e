package org.lilong.layers.model;

import static org.lilong.layers.model.AttributeDefinition.internalAttribute;
import static org.lilong.layers.model.AttributeDefinition.publicAttribute;
import static org.lilong.layers.model.AttributeType.DATE;
import static org.lilong.layers.model.AttributeType.INTEGER;
import static org.lilong.layers.model.AttributeType.REAL;
import static org.lilong.layers.model.AttributeType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

/** The layers Lilong serves, in the order the map lists them (thematic layers first, base layers last). */
public record LayerCatalogue(List<LayerDefinition> layers) {

    public static final String GRIDS = "grids";
    public static final String RENOVATION_PLOTS = "renovation-plots";
    public static final String POCKET_PARKS = "pocket-parks";
    public static final String SERVICE_STATIONS = "service-stations";
    public static final String STREETS = "streets";
    public static final String WATER = "water";
    public static final String RESIDENTIAL_AREAS = "residential-areas";
    public static final String SUBDISTRICTS = "subdistricts";

    public LayerCatalogue {
        layers = List.copyOf(layers);
    }

    public Optional<LayerDefinition> find(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public LayerDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no layer " + id));
    }

    /** The layers of neighbourhood governance as DOMAIN.md describes them. */
    public static LayerCatalogue standard() {
        return new LayerCatalogue(List.of(grids(), renovationPlots(), pocketParks(), serviceStations(),
                streets(), water(), residentialAreas(), subdistricts()));
    }

    private static AttributeDefinition name() {
        return publicAttribute("name", TEXT, "名称", "Name");
    }

    private static AttributeDefinition nameEn() {
        return publicAttribute("name_en", TEXT, "英文名称", "English name");
    }

    static LayerDefinition grids() {
        return new LayerDefinition(GRIDS, "网格", "Grids",
                "街道—综合网格—居民区网格—微网格—楼组 五级网格", "The five-level governance grid, sub-district down to building group",
                GeometryType.POLYGON, List.of(
                        publicAttribute("code", TEXT, "网格编码", "Grid code"),
                        name(), nameEn(),
                        publicAttribute("level", TEXT, "层级", "Level").oneOf(codes(GridLevel.values())),
                        publicAttribute("parent_code", TEXT, "上级网格编码", "Parent grid code"),
                        publicAttribute("leader_name", TEXT, "网格长", "Grid leader"),
                        publicAttribute("leader_phone", TEXT, "网格长公开电话", "Grid leader's public phone"),
                        publicAttribute("residents", INTEGER, "常住人口", "Residents").notNegative(),
                        internalAttribute("households", INTEGER, "户数", "Households").notNegative()),
                null, false);
    }

    static LayerDefinition renovationPlots() {
        return new LayerDefinition(RENOVATION_PLOTS, "旧改地块", "Renovation plots",
                "旧区改造与旧住房更新地块", "Old-housing renovation plots and their progress",
                GeometryType.POLYGON, List.of(
                        name(), nameEn(),
                        publicAttribute("type", TEXT, "改造类型", "Renovation type"),
                        publicAttribute("stage", TEXT, "阶段", "Stage").oneOf(codes(RenovationStage.values())),
                        internalAttribute("households", INTEGER, "户数", "Households").notNegative(),
                        internalAttribute("signed_households", INTEGER, "已签约户数", "Signed households").notNegative(),
                        publicAttribute("start_date", DATE, "启动日期", "Start date"),
                        publicAttribute("finish_date", DATE, "完成日期", "Finish date")),
                new TemporalProperty("start_date", "finish_date"), false, List.of(
                        new AttributeOrder("signed_households", "households"),
                        new AttributeOrder("start_date", "finish_date")));
    }

    static LayerDefinition pocketParks() {
        return new LayerDefinition(POCKET_PARKS, "口袋公园", "Pocket parks",
                "见缝插绿的小型公共绿地", "Small green spaces built on reclaimed land",
                GeometryType.POLYGON, List.of(
                        name(), nameEn(),
                        publicAttribute("area_m2", REAL, "面积（平方米）", "Area (m²)").notNegative(),
                        publicAttribute("facilities", TEXT, "设施", "Facilities"),
                        publicAttribute("opened", DATE, "开放日期", "Opened"),
                        publicAttribute("maintained_by", TEXT, "养护单位", "Maintained by")),
                new TemporalProperty("opened", null), false);
    }

    static LayerDefinition serviceStations() {
        return new LayerDefinition(SERVICE_STATIONS, "服务站点", "Service stations",
                "家门口的服务站点：市民驿站、党群服务站、卫生服务中心、养老助餐等",
                "Doorstep services: citizen stations, party-mass stations, health centres, elderly care and canteens",
                GeometryType.POINT, List.of(
                        name(), nameEn(),
                        publicAttribute("category", TEXT, "类别", "Category"),
                        publicAttribute("services", TEXT, "服务内容", "Services"),
                        publicAttribute("hours", TEXT, "开放时间", "Opening hours"),
                        publicAttribute("address", TEXT, "地址", "Address"),
                        publicAttribute("phone", TEXT, "电话", "Phone"),
                        internalAttribute("manager_phone", TEXT, "负责人电话", "Manager's phone")),
                null, false);
    }

    static LayerDefinition streets() {
        return new LayerDefinition(STREETS, "道路", "Streets",
                "道路、街巷、弄堂与桥梁", "Roads, streets, lanes and bridges",
                GeometryType.LINESTRING, List.of(
                        name(), nameEn(),
                        publicAttribute("class", TEXT, "道路等级", "Street class"),
                        publicAttribute("bridge", AttributeType.BOOLEAN, "桥梁", "Bridge")),
                null, true);
    }

    static LayerDefinition water() {
        return new LayerDefinition(WATER, "水系", "Water",
                "河道、浜与水面", "Creeks, canals and water surfaces",
                GeometryType.POLYGON, List.of(
                        name(), nameEn(),
                        publicAttribute("kind", TEXT, "类型", "Kind")), // creek, canal, pond, ...
                null, true);
    }

    static LayerDefinition residentialAreas() {
        return new LayerDefinition(RESIDENTIAL_AREAS, "居民区", "Residential areas",
                "居民区/小区及其人口", "Residential areas and compounds with their population",
                GeometryType.POLYGON, List.of(
                        name(), nameEn(),
                        publicAttribute("residents", INTEGER, "常住人口", "Residents").notNegative(),
                        internalAttribute("households", INTEGER, "户数", "Households").notNegative()),
                null, true);
    }

    static LayerDefinition subdistricts() {
        return new LayerDefinition(SUBDISTRICTS, "街道", "Sub-districts",
                "街道行政边界", "Sub-district (街道) boundaries",
                GeometryType.POLYGON, List.of(
                        publicAttribute("code", TEXT, "街道编码", "Code"),
                        name(), nameEn(),
                        publicAttribute("residents", INTEGER, "常住人口", "Residents").notNegative()),
                null, true);
    }

    private static Set<String> codes(GridLevel[] levels) {
        return Arrays.stream(levels).map(GridLevel::code).collect(Collectors.toSet());
    }

    private static Set<String> codes(RenovationStage[] stages) {
        return Arrays.stream(stages).map(RenovationStage::code).collect(Collectors.toSet());
    }
}
