package org.lilong.server.http;

import org.lilong.layers.coverage.WhatIfProposal;
import org.lilong.layers.standard.FacilityCategory;

/**
 * A what-if question as the body of {@code POST /analysis/what-if} asks it, checked by
 * {@link WhatIfRequestReader}.
 *
 * @param thresholdMetres the walk that counts as covered
 */
record WhatIfRequest(FacilityCategory category, double thresholdMetres, WhatIfProposal proposal) {
}
