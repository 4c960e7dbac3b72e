/**
 * Changing features on behalf of an account: which layers may be edited and by whom (an editor only
 * inside its sub-districts), the grid topology rules every write to {@code grids} must keep, and the
 * {@link org.lilong.layers.editing.FeatureEditor} that checks all of it, writes conditionally (the
 * client's entity tag) and records the history in one transaction.
 */
package org.lilong.layers.editing;
