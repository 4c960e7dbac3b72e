package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.LinkedNetwork;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.NetworkLinker;
import org.lilong.layers.network.NewLink;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The walking network as a {@link WhatIfProposal} would make it, built beside the shared one and
 * never replacing it: the proposed links added with their ends joined to the nearest street points
 * ({@link NetworkLinker}, which cuts those streets there), and the proposed facilities attached to
 * their nearest street points. Positions on the shared network carry over with {@link #position}.
 *
 * <p>Proposed facilities attach to the existing streets (snapped before the links are added), not
 * to a proposed link: a facility goes on a street, a link is a way between streets.
 */
final class ProposalNetwork {

    /** Line ids of proposed links: negative, so they never clash with a street feature's id. */
    private static final long FIRST_LINK_ID = -1;

    private final WalkingNetwork base;
    private final LinkedNetwork linked;
    private final List<EdgePosition> facilities;
    private final double[] facilityLegs;

    private ProposalNetwork(WalkingNetwork base, LinkedNetwork linked, List<EdgePosition> facilities, double[] facilityLegs) {
        this.base = base;
        this.linked = linked;
        this.facilities = facilities;
        this.facilityLegs = facilityLegs;
    }

    /**
     * @throws IllegalArgumentException for an empty geometry, a coordinate that is not a finite
     *         longitude/latitude, or a link with fewer than two distinct points
     * @throws OffNetworkException when a facility or a link end is farther than the snapper's limit from every street
     */
    static ProposalNetwork build(WalkingNetwork base, NearestEdgeSnapper snapper, WhatIfProposal proposal) {
        List<EdgePosition> facilities = new ArrayList<>();
        double[] legs = new double[proposal.facilities().size()];
        for (int i = 0; i < proposal.facilities().size(); i++) {
            Point point = proposal.facilities().get(i);
            if (point == null || point.isEmpty()) {
                throw new IllegalArgumentException("proposed facility " + (i + 1) + " has no point");
            }
            checkCoordinate(point.getCoordinate(), "proposed facility " + (i + 1));
            SnapResult snap = attach(snapper, point.getCoordinate(), "proposed facility " + (i + 1));
            facilities.add(snap.position());
            legs[i] = snap.distanceMetres();
        }
        List<NewLink> links = new ArrayList<>();
        for (int i = 0; i < proposal.links().size(); i++) {
            String name = "proposed link " + (i + 1);
            Coordinate[] line = checkLine(proposal.links().get(i), name);
            EdgePosition start = attach(snapper, line[0], "the start of " + name).position();
            EdgePosition end = attach(snapper, line[line.length - 1], "the end of " + name).position();
            links.add(new NewLink(FIRST_LINK_ID - i, line, start, end));
        }
        LinkedNetwork linked = links.isEmpty() ? null : NetworkLinker.link(base, links);
        return new ProposalNetwork(base, linked, List.copyOf(facilities), legs);
    }

    private static Coordinate[] checkLine(LineString line, String name) {
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException(name + " has no line");
        }
        Coordinate[] points = line.getCoordinates();
        for (Coordinate c : points) {
            checkCoordinate(c, name);
        }
        // Coordinate equality is in x and y alone.
        long distinct = Arrays.stream(points).distinct().count();
        if (distinct < 2) {
            throw new IllegalArgumentException(name + " needs at least two distinct points, not " + distinct);
        }
        return points;
    }

    private static void checkCoordinate(Coordinate c, String name) {
        if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
            throw new IllegalArgumentException(name + ": (" + c.x + ", " + c.y + ") is not a longitude/latitude");
        }
    }

    private static SnapResult attach(NearestEdgeSnapper snapper, Coordinate c, String name) {
        SnapResult snap = snapper.snap(c.x, c.y);
        if (snap.isTooFar()) {
            throw new OffNetworkException(snap.position() == null
                    ? "there are no streets for " + name + " to join"
                    : name + " is " + Math.round(snap.distanceMetres()) + " m from the nearest street, farther than the "
                            + Math.round(snap.limitMetres()) + " m limit",
                    snap.distanceMetres(), snap.limitMetres());
        }
        return snap;
    }

    /** The network with the proposal's links; the shared network itself when there are none. */
    WalkingNetwork network() {
        return linked == null ? base : linked.network();
    }

    boolean hasLinks() {
        return linked != null;
    }

    /** A point of the shared network on this one. */
    EdgePosition position(EdgePosition onBase) {
        return linked == null ? onBase : linked.position(onBase);
    }

    /** The proposed facilities' street points, on this network. */
    List<EdgePosition> facilities() {
        return facilities.stream().map(this::position).toList();
    }

    /** The proposed facilities' straight walks from their street points. */
    double[] facilityLegs() {
        return facilityLegs.clone();
    }
}
