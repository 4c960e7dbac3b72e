package org.lilong.geodata.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lilong.geodata.io.FeatureSourceException;

/**
 * Reads OSM XML ({@code .osm}, API 0.6) with a streaming StAX parser: nodes, and ways with their
 * {@code nd} references and tags. Relations are skipped whole; so are elements that JOSM marks
 * {@code action="delete"} and history versions with {@code visible="false"}. DTDs and external
 * entities are refused, so a file cannot make the reader fetch anything.
 *
 * <p>Any problem, a syntax error, a file cut short or a node without coordinates, is an
 * {@link OsmFormatException} with the line and column where the parser stood.
 */
final class OsmXmlReader {

    private final Path file;
    private final OsmHandler handler;
    private XMLStreamReader xml;

    private OsmXmlReader(Path file, OsmHandler handler) {
        this.file = file;
        this.handler = handler;
    }

    static void read(Path file, OsmHandler handler) {
        new OsmXmlReader(file, handler).read();
    }

    private void read() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            xml = factory.createXMLStreamReader(in);
            try {
                document();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new OsmFormatException(file, position(e.getLocation()), reason(e), e);
        } catch (NoSuchFileException e) {
            throw new FeatureSourceException(file, "no such file");
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private void document() throws XMLStreamException {
        boolean root = true;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (root) {
                if (!name.equals("osm")) {
                    throw problem("this is not OSM XML: the root element is <" + name + ">, not <osm>");
                }
                root = false;
                continue;
            }
            if (deleted()) {
                skipElement();
                continue;
            }
            switch (name) {
                case "node" -> node();
                case "way" -> way();
                case "relation" -> skipElement();
                default -> {
                    // bounds, changesets, notes: nothing a street needs
                }
            }
        }
        if (root) {
            throw problem("the file holds no XML element");
        }
    }

    private boolean deleted() {
        return "delete".equals(xml.getAttributeValue(null, "action")) || "false".equals(xml.getAttributeValue(null, "visible"));
    }

    private void node() {
        long id = id("node", "id");
        double lat = coordinate("node " + id, "lat", 90);
        double lon = coordinate("node " + id, "lon", 180);
        handler.node(id, lon, lat);
        // Node tags (crossings, signals) do not change where a walker can go; the parser reads
        // through them on the way to the next element.
    }

    private void way() throws XMLStreamException {
        long id = id("way", "id");
        long[] nodes = new long[16];
        int count = 0;
        Map<String, String> tags = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && xml.getLocalName().equals("nd")) {
                    if (count == nodes.length) {
                        nodes = Arrays.copyOf(nodes, count * 2);
                    }
                    nodes[count++] = id("way " + id + ": nd", "ref");
                } else if (depth == 2 && xml.getLocalName().equals("tag")) {
                    String key = xml.getAttributeValue(null, "k");
                    if (key == null) {
                        throw problem("way " + id + ": a tag without k");
                    }
                    String value = xml.getAttributeValue(null, "v");
                    tags.put(key, value == null ? "" : value);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        handler.way(id, Arrays.copyOf(nodes, count), tags);
    }

    /** Reads through the current element and everything in it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private long id(String what, String attribute) {
        String text = xml.getAttributeValue(null, attribute);
        if (text == null) {
            throw problem(what + " has no " + attribute);
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw problem(what + ": " + attribute + "=\"" + text + "\" is not an id");
        }
    }

    private double coordinate(String what, String attribute, double limit) {
        String text = xml.getAttributeValue(null, attribute);
        if (text == null) {
            throw problem(what + " has no " + attribute);
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw problem(what + ": " + attribute + "=\"" + text + "\" is not a number");
        }
        if (!(Math.abs(value) <= limit)) {
            throw problem(what + ": " + attribute + "=\"" + text + "\" is outside -" + (int) limit + ".." + (int) limit);
        }
        return value;
    }

    private OsmFormatException problem(String reason) {
        return new OsmFormatException(file, position(xml.getLocation()), reason);
    }

    private static String position(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "at an unknown position";
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The parser's reason without the "ParseError at [row,col]" prefix it repeats from the location. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        // One line, and no full stop, since callers append "; nothing written".
        return reason.replaceAll("\\s+", " ").trim().replaceAll("\\.$", "");
    }
}
