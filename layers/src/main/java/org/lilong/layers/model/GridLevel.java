package org.lilong.layers.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five nested levels of Shanghai's governance grid, coarsest first:
 * 街道 → 综合网格 → 居民区网格 → 社区微网格 → 楼组. Each level tiles its parent.
 */
public enum GridLevel {
    SUBDISTRICT("subdistrict", "街道", "Sub-district"),
    COMPREHENSIVE("comprehensive", "综合网格", "Comprehensive grid"),
    RESIDENTIAL("residential", "居民区网格", "Residential-area grid"),
    MICRO("micro", "微网格", "Micro-grid"),
    BUILDING_GROUP("building-group", "楼组", "Building group");

    private final String code;
    private final String titleZh;
    private final String titleEn;

    GridLevel(String code, String titleZh, String titleEn) {
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    /** The value stored in the {@code level} attribute of the grids layer. */
    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    /** 1 for 街道 down to 5 for 楼组. */
    public int depth() {
        return ordinal() + 1;
    }

    public Optional<GridLevel> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public Optional<GridLevel> child() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public static Optional<GridLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
