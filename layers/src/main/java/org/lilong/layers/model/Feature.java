package org.lilong.layers.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: an id unique within its layer, a geometry in WGS84 longitude/latitude
 * (x = longitude), and attribute values typed as their {@link AttributeType} says. Absent and null
 * values are the same thing. Immutable.
 */
public record Feature(long id, Geometry geometry, Map<String, Object> properties) {

    public Feature {
        Objects.requireNonNull(geometry, "geometry");
        properties = Properties.of(properties);
    }

    public Object get(String attribute) {
        return properties.get(attribute);
    }

    public String text(String attribute) {
        Object value = properties.get(attribute);
        return value == null ? null : value.toString();
    }

    public Feature withId(long newId) {
        return new Feature(newId, geometry, properties);
    }

    /** This feature with only the attributes of the given audience, in the layer's order. */
    public Feature visibleTo(LayerDefinition layer, Visibility audience) {
        Map<String, Object> visible = new LinkedHashMap<>();
        for (AttributeDefinition attribute : layer.attributes()) {
            if (audience == Visibility.INTERNAL || attribute.isPublic()) {
                Object value = properties.get(attribute.name());
                if (value != null) {
                    visible.put(attribute.name(), value);
                }
            }
        }
        return new Feature(id, geometry, visible);
    }

    /**
     * An unmodifiable copy of the properties, in their order. A feature made from another one (with
     * {@link #withId}, by a store normalising it) shares its properties instead of copying them again:
     * a bulk load makes several features of each record.
     */
    private static final class Properties extends AbstractMap<String, Object> {
        private final Map<String, Object> values;

        private Properties(Map<String, Object> values) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        static Map<String, Object> of(Map<String, Object> properties) {
            return properties instanceof Properties own ? own : new Properties(properties);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
