package org.lilong.layers.model;

import java.util.Objects;

/** One typed attribute of a layer, with its titles and who may see it. */
public record AttributeDefinition(String name, AttributeType type, Visibility visibility, String titleZh, String titleEn) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(visibility, "visibility");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("attribute names are lower snake case: " + name);
        }
    }

    public static AttributeDefinition publicAttribute(String name, AttributeType type, String titleZh, String titleEn) {
        return new AttributeDefinition(name, type, Visibility.PUBLIC, titleZh, titleEn);
    }

    public static AttributeDefinition internalAttribute(String name, AttributeType type, String titleZh, String titleEn) {
        return new AttributeDefinition(name, type, Visibility.INTERNAL, titleZh, titleEn);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
