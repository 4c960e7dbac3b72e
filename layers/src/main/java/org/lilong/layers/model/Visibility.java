package org.lilong.layers.model;

/** Who may see an attribute: everyone, or only signed-in staff (planners, editors, admins). */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
