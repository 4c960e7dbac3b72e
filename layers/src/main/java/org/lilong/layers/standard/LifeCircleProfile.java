package org.lilong.layers.standard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facility categories of the 15-minute life circle and their walking limits, read from a
 * tab-separated data file so that a deployment can replace the defaults (GB 50180-2018 levels).
 */
public final class LifeCircleProfile {

    private static final String DEFAULT_RESOURCE = "life-circle-profile.tsv";

    private final List<FacilityCategory> categories;

    public LifeCircleProfile(List<FacilityCategory> categories) {
        this.categories = List.copyOf(categories);
    }

    /** The profile shipped with Lilong. */
    public static LifeCircleProfile defaults() {
        try (InputStream in = LifeCircleProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rows of id, Chinese name, English name, level minutes, max walk metres; '#' starts a comment. */
    public static LifeCircleProfile read(InputStream in) throws IOException {
        List<FacilityCategory> categories = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 5) {
                throw new IOException("profile line " + number + ": expected 5 tab-separated columns, found " + cells.length);
            }
            try {
                categories.add(new FacilityCategory(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                        Integer.parseInt(cells[3].trim()), Double.parseDouble(cells[4].trim())));
            } catch (NumberFormatException e) {
                throw new IOException("profile line " + number + ": level and distance must be numbers", e);
            }
        }
        return new LifeCircleProfile(categories);
    }

    public List<FacilityCategory> categories() {
        return categories;
    }

    public Optional<FacilityCategory> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
