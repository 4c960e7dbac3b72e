package org.lilong.layers.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules a grid must keep with the others (DOMAIN.md: each level nests in the one above): a valid
 * polygon; a unique code; a parent of a higher level that exists, with no cycle; inside the parent
 * (within the tolerance); no overlap with its siblings (the same parent's other children) beyond the
 * tolerance; its own children still inside it; and no parent removed from under its children. The
 * parent's cover left with gaps is a warning, not a violation: gaps are normal while a street office
 * redraws. Areas are measured in metres on a local plane ({@link MetricPlane}).
 */
public final class GridTopology {

    /** Slivers smaller than this (m²) are rounding, not overlap. */
    private static final double NEGLIGIBLE_AREA = 0.01;
    /** A gap smaller than this (m²) is not worth a warning. */
    private static final double GAP_WORTH_MENTIONING = 1.0;

    private final double toleranceMetres;

    public GridTopology(double toleranceMetres) {
        this.toleranceMetres = toleranceMetres;
    }

    /** What the grids would look like after the change: the read model's grids with one replaced, added or removed. */
    public record Outcome(List<TopologyProblem> violations, List<TopologyProblem> warnings) {
    }

    /**
     * Checks a grid about to be inserted or replaced.
     *
     * @param grids the grids as they are now
     * @param replaced the state being replaced, or null for an insert
     */
    public Outcome checkWrite(LayerIndex grids, Feature proposed, Feature replaced) {
        List<TopologyProblem> violations = new ArrayList<>();
        Geometry geometry = proposed.geometry();
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            TopologyValidationError error = validity.getValidationError();
            violations.add(new TopologyProblem("invalid-geometry", "the polygon is not valid: " + error.getMessage()
                    + " at " + String.format(Locale.ROOT, "%.7f %.7f", error.getCoordinate().x, error.getCoordinate().y),
                    List.of(), 0, geometry.getFactory().createPoint(error.getCoordinate())));
            return new Outcome(violations, List.of());
        }
        MetricPlane plane = MetricPlane.around(geometry);
        Geometry metres = plane.metres(geometry);
        String code = proposed.text("code");
        String level = proposed.text("level");
        String parentCode = proposed.text("parent_code");
        long id = proposed.id();

        if (code != null) {
            grids.all().stream().filter(g -> g.id() != id && code.equals(g.text("code"))).findFirst().ifPresent(other ->
                    violations.add(new TopologyProblem("duplicate-code", "grid " + other.id() + " already has the code " + code,
                            List.of(code), 0, null)));
        }
        Optional<Feature> parent = parentCode == null ? Optional.empty()
                : grids.all().stream().filter(g -> g.id() != id && parentCode.equals(g.text("code"))).findFirst();
        if (parentCode == null && !GridLevel.SUBDISTRICT.code().equals(level)) {
            violations.add(new TopologyProblem("parent-missing", "a " + level + " grid needs a parent_code", List.of(), 0, null));
        } else if (parentCode != null && parent.isEmpty()) {
            violations.add(new TopologyProblem("parent-missing", "no grid has the parent code " + parentCode,
                    List.of(parentCode), 0, null));
        }
        if (parent.isPresent()) {
            checkParent(grids, proposed, parent.get(), code, level, plane, metres, violations);
        }
        if (parent.isPresent() && code != null) {
            checkSiblings(grids, proposed, parentCode, plane, metres, violations);
        }
        String oldCode = replaced == null ? null : replaced.text("code");
        if (oldCode != null) {
            checkChildren(grids, oldCode, code, plane, metres, violations);
        }
        List<TopologyProblem> warnings = new ArrayList<>();
        if (violations.isEmpty() && parent.isPresent()) {
            gapWarning(grids, parent.get(), proposed, null, plane).ifPresent(warnings::add);
        }
        return new Outcome(violations, warnings);
    }

    /** Checks a grid about to be deleted: it may not leave children behind. */
    public Outcome checkDelete(LayerIndex grids, Feature deleted) {
        List<TopologyProblem> violations = new ArrayList<>();
        String code = deleted.text("code");
        List<String> children = code == null ? List.of() : grids.all().stream()
                .filter(g -> code.equals(g.text("parent_code"))).map(g -> g.text("code")).map(String::valueOf).toList();
        if (!children.isEmpty()) {
            violations.add(new TopologyProblem("has-children", "grid " + code + " still has " + children.size()
                    + " child grid(s): " + String.join(", ", children) + "; delete or move them first", children, 0, null));
            return new Outcome(violations, List.of());
        }
        String parentCode = deleted.text("parent_code");
        Optional<Feature> parent = parentCode == null ? Optional.empty()
                : grids.all().stream().filter(g -> parentCode.equals(g.text("code"))).findFirst();
        List<TopologyProblem> warnings = new ArrayList<>();
        parent.flatMap(p -> gapWarning(grids, p, null, deleted, MetricPlane.around(p.geometry()))).ifPresent(warnings::add);
        return new Outcome(violations, warnings);
    }

    private void checkParent(LayerIndex grids, Feature proposed, Feature parent, String code, String level, MetricPlane plane,
            Geometry metres, List<TopologyProblem> violations) {
        String parentCode = parent.text("code");
        Optional<GridLevel> own = GridLevel.fromCode(level);
        Optional<GridLevel> above = GridLevel.fromCode(parent.text("level"));
        if (own.isPresent() && above.isPresent() && above.get().ordinal() >= own.get().ordinal()) {
            violations.add(new TopologyProblem("parent-level", "a " + own.get().code() + " grid cannot sit in a "
                    + above.get().code() + " grid (" + parentCode + ")", List.of(parentCode), 0, null));
        }
        if (code != null && reachesInChain(grids, parentCode, code)) {
            violations.add(new TopologyProblem("cycle", "making " + parentCode + " the parent of " + code
                    + " would make the grid its own ancestor", List.of(parentCode), 0, null));
        }
        Geometry outside = metres.difference(plane.metres(parent.geometry()).buffer(toleranceMetres));
        if (outside.getArea() > NEGLIGIBLE_AREA) {
            violations.add(new TopologyProblem("outside-parent", String.format(Locale.ROOT,
                    "%.1f m² of the grid lie outside its parent %s (tolerance %.2f m)", outside.getArea(), parentCode,
                    toleranceMetres), List.of(parentCode), outside.getArea(), plane.degrees(outside)));
        }
    }

    private static boolean reachesInChain(LayerIndex grids, String startCode, String code) {
        String current = startCode;
        for (int steps = 0; current != null && steps <= grids.size(); steps++) {
            if (current.equals(code)) {
                return true;
            }
            String lookFor = current;
            current = grids.all().stream().filter(g -> lookFor.equals(g.text("code"))).findFirst()
                    .map(g -> g.text("parent_code")).orElse(null);
        }
        return false;
    }

    private void checkSiblings(LayerIndex grids, Feature proposed, String parentCode, MetricPlane plane, Geometry metres,
            List<TopologyProblem> violations) {
        for (Feature sibling : grids.intersecting(proposed.geometry().getEnvelopeInternal())) {
            if (sibling.id() == proposed.id() || !parentCode.equals(sibling.text("parent_code"))) {
                continue;
            }
            Geometry overlap = metres.intersection(plane.metres(sibling.geometry()).buffer(-toleranceMetres));
            if (overlap.getArea() > NEGLIGIBLE_AREA) {
                String siblingCode = String.valueOf(sibling.text("code"));
                violations.add(new TopologyProblem("sibling-overlap", String.format(Locale.ROOT,
                        "the grid overlaps its sibling %s by %.1f m²", siblingCode, overlap.getArea()),
                        List.of(siblingCode), overlap.getArea(), plane.degrees(overlap)));
            }
        }
    }

    private void checkChildren(LayerIndex grids, String oldCode, String newCode, MetricPlane plane, Geometry metres,
            List<TopologyProblem> violations) {
        List<Feature> children = grids.all().stream().filter(g -> oldCode.equals(g.text("parent_code"))).toList();
        if (!children.isEmpty() && !Objects.equals(oldCode, newCode)) {
            violations.add(new TopologyProblem("has-children", "grid " + oldCode + " has child grids; its code cannot change",
                    children.stream().map(c -> String.valueOf(c.text("code"))).toList(), 0, null));
            return;
        }
        Geometry allowed = metres.buffer(toleranceMetres);
        for (Feature child : children) {
            Geometry outside = plane.metres(child.geometry()).difference(allowed);
            if (outside.getArea() > NEGLIGIBLE_AREA) {
                String childCode = String.valueOf(child.text("code"));
                violations.add(new TopologyProblem("child-outside", String.format(Locale.ROOT,
                        "the change would leave %.1f m² of child grid %s outside", outside.getArea(), childCode),
                        List.of(childCode), outside.getArea(), plane.degrees(outside)));
            }
        }
    }

    /** The parent's area its children (after the change) leave uncovered, when there is any worth naming. */
    private Optional<TopologyProblem> gapWarning(LayerIndex grids, Feature parent, Feature added, Feature removed, MetricPlane plane) {
        String parentCode = parent.text("code");
        List<Geometry> children = new ArrayList<>();
        for (Feature child : grids.all()) {
            boolean replaced = added != null && child.id() == added.id() || removed != null && child.id() == removed.id();
            if (!replaced && parentCode.equals(child.text("parent_code"))) {
                children.add(plane.metres(child.geometry()));
            }
        }
        if (added != null) {
            children.add(plane.metres(added.geometry()));
        }
        Geometry parentMetres = plane.metres(parent.geometry());
        Geometry gaps = children.isEmpty() ? parentMetres : parentMetres.difference(UnaryUnionOp.union(children));
        if (gaps.getArea() < GAP_WORTH_MENTIONING) {
            return Optional.empty();
        }
        return Optional.of(new TopologyProblem("parent-gap", String.format(Locale.ROOT,
                "%.0f m² of parent %s are covered by none of its child grids", gaps.getArea(), parentCode),
                List.of(parentCode), gaps.getArea(), plane.degrees(gaps)));
    }
}
