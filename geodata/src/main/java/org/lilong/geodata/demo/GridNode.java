package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.lilong.layers.model.GridLevel;

/**
 * One grid of the hierarchy while the generator builds it: its lattice rectangle, its place in the
 * tree, its identity (code, name, leader) and its population. Filled in step by step by the
 * builder and the population allocator, then turned into a feature.
 */
final class GridNode {

    private final GridLevel level;
    private final LatticeRect rect;
    private final LatticeRect land;
    private final List<GridNode> children = new ArrayList<>();
    private String code;
    private BilingualName name;
    private BilingualName residentialStem;
    private String leaderName;
    private String leaderPhone;
    private long residents;
    private long households;

    /**
     * @param land the part of the rectangle outside the creek band, or null when it lies wholly in the band
     */
    GridNode(GridLevel level, LatticeRect rect, LatticeRect land) {
        this.level = level;
        this.rect = rect;
        this.land = land;
    }

    GridLevel level() {
        return level;
    }

    LatticeRect rect() {
        return rect;
    }

    /** The part outside the creek band, or null for a riverside grid wholly in the band. */
    LatticeRect land() {
        return land;
    }

    boolean isRiverside() {
        return land == null;
    }

    List<GridNode> children() {
        return Collections.unmodifiableList(children);
    }

    void addChild(GridNode child) {
        children.add(child);
    }

    String code() {
        return code;
    }

    void identify(String code, BilingualName name) {
        this.code = code;
        this.name = name;
    }

    BilingualName name() {
        return name;
    }

    /** For a residential-area grid: the name of the residential area it is drawn around (福安居民区). */
    BilingualName residentialArea() {
        return residentialStem == null ? null
                : new BilingualName(residentialStem.zh() + "居民区", residentialStem.en() + " Residential Area");
    }

    /** For a residential-area grid: the stem of its residential area's name (福安 / Fu'an). */
    BilingualName residentialStem() {
        return residentialStem;
    }

    void residentialStem(BilingualName stem) {
        this.residentialStem = stem;
    }

    String leaderName() {
        return leaderName;
    }

    String leaderPhone() {
        return leaderPhone;
    }

    void lead(String leaderName, String leaderPhone) {
        this.leaderName = leaderName;
        this.leaderPhone = leaderPhone;
    }

    long residents() {
        return residents;
    }

    long households() {
        return households;
    }

    void population(long residents, long households) {
        this.residents = residents;
        this.households = households;
    }

    /** This grid and all below it, parents before children, children in code order. */
    void visit(Consumer<GridNode> visitor) {
        visitor.accept(this);
        for (GridNode child : children) {
            child.visit(visitor);
        }
    }

    /** All grids of a level under (or at) this one, in code order. */
    List<GridNode> atLevel(GridLevel wanted) {
        List<GridNode> found = new ArrayList<>();
        visit(node -> {
            if (node.level == wanted) {
                found.add(node);
            }
        });
        return found;
    }
}
