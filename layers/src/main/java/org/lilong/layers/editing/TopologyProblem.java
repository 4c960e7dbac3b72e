package org.lilong.layers.editing;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A broken grid rule (a violation: nothing is written) or a condition worth knowing (a warning: the
 * write goes ahead).
 *
 * @param rule a stable identifier: {@code invalid-geometry}, {@code duplicate-code},
 *     {@code parent-missing}, {@code parent-level}, {@code cycle}, {@code outside-parent},
 *     {@code sibling-overlap}, {@code child-outside}, {@code has-children}, {@code parent-gap}
 * @param codes the grid codes involved besides the edited one (siblings, children, the parent)
 * @param areaSquareMetres the area of the offending part, 0 when the rule has none
 * @param where the offending part (overlap, gap, the part outside) or the location of an invalidity, in
 *     lon/lat; null when the rule has no place
 */
public record TopologyProblem(String rule, String message, List<String> codes, double areaSquareMetres, Geometry where) {

    public TopologyProblem {
        codes = List.copyOf(codes);
    }
}
