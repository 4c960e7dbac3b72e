/**
 * Coverage gaps (issue 5): which residents live farther on foot than the standard allows from each
 * kind of facility, in which grids, where new facilities would bring the most of them into reach,
 * and what a proposed facility or walking link would change. Start at
 * {@link org.lilong.layers.coverage.CoverageAnalysis}.
 *
 * <p>One class per step: {@code ResidentialUnits} (which features are counted, attached by the
 * streets along their edges), {@code GridTables} (one grid per level for each unit, per-grid
 * tables), {@code UnitWalks} (one multi-source search per category), {@code CandidateReach} and
 * {@code GreedyCovering} (maximal covering, lazy greedy, ≥ 1 − 1/e of the optimum),
 * {@code ProposalNetwork} (a what-if's own network, via
 * {@link org.lilong.layers.network.NetworkLinker}). Knows nothing of HTTP or the store.
 */
package org.lilong.layers.coverage;
