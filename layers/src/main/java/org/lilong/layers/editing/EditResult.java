package org.lilong.layers.editing;

import java.util.List;
import org.lilong.layers.model.Feature;

/**
 * What an edit did.
 *
 * @param feature the feature as stored (with its id), or as proposed when {@code stored} is false
 * @param etag the stored feature's digest, or null when nothing was stored
 * @param stored false when the edit only proposed a snapped geometry for review
 * @param warnings conditions worth knowing that did not stop the write (gaps in the parent's cover)
 */
public record EditResult(Feature feature, String etag, boolean stored, List<TopologyProblem> warnings) {

    public EditResult {
        warnings = List.copyOf(warnings);
    }
}
