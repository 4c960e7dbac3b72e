package org.lilong.layers.editing;

import java.util.List;
import java.util.stream.Collectors;

/** A write to {@code grids} broke one or more topology rules; nothing was written. */
public final class TopologyViolationException extends RuntimeException {

    private final List<TopologyProblem> violations;

    public TopologyViolationException(List<TopologyProblem> violations) {
        super(violations.stream().map(TopologyProblem::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<TopologyProblem> violations() {
        return violations;
    }
}
