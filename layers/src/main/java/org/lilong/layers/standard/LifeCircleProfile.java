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
 * The facility categories of the 15-minute life circle, their walking limits and the walking speeds
 * a query may choose, read from a tab-separated data file so that a deployment can replace the
 * defaults (GB 50180-2018 levels; STANDARDS.md). Rows starting with {@code @speed} are speed presets;
 * the first is the default.
 */
public final class LifeCircleProfile {

    private static final String DEFAULT_RESOURCE = "life-circle-profile.tsv";

    private static final String SPEED_ROW = "@speed";

    private final List<FacilityCategory> categories;
    private final List<WalkingSpeed> speeds;

    /** @throws IllegalArgumentException when there is no speed, or two categories or speeds share an id */
    public LifeCircleProfile(List<FacilityCategory> categories, List<WalkingSpeed> speeds) {
        this.categories = List.copyOf(categories);
        this.speeds = List.copyOf(speeds);
        if (speeds.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one walking speed");
        }
        if (categories.stream().map(FacilityCategory::id).distinct().count() != categories.size()
                || speeds.stream().map(WalkingSpeed::id).distinct().count() != speeds.size()) {
            throw new IllegalArgumentException("category and speed ids must be unique");
        }
    }

    /** The profile shipped with Lilong. */
    public static LifeCircleProfile defaults() {
        try (InputStream in = LifeCircleProfile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads rows of id, Chinese name, English name, level minutes, max walk metres, and speed rows of
     * {@code @speed}, id, m/s, Chinese name, English name; '#' starts a comment.
     */
    public static LifeCircleProfile read(InputStream in) throws IOException {
        List<FacilityCategory> categories = new ArrayList<>();
        List<WalkingSpeed> speeds = new ArrayList<>();
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
                if (cells[0].trim().equals(SPEED_ROW)) {
                    speeds.add(new WalkingSpeed(cells[1].trim(), cells[3].trim(), cells[4].trim(), Double.parseDouble(cells[2].trim())));
                    continue;
                }
                categories.add(new FacilityCategory(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                        Integer.parseInt(cells[3].trim()), Double.parseDouble(cells[4].trim())));
            } catch (NumberFormatException e) {
                throw new IOException("profile line " + number + ": level, distance and speed must be numbers", e);
            } catch (IllegalArgumentException e) {
                throw new IOException("profile line " + number + ": " + e.getMessage(), e);
            }
        }
        try {
            return new LifeCircleProfile(categories, speeds);
        } catch (IllegalArgumentException e) {
            throw new IOException("profile: " + e.getMessage(), e);
        }
    }

    public List<FacilityCategory> categories() {
        return categories;
    }

    public List<WalkingSpeed> speeds() {
        return speeds;
    }

    /** The first speed preset of the file. */
    public WalkingSpeed defaultSpeed() {
        return speeds.get(0);
    }

    public Optional<WalkingSpeed> speed(String id) {
        return speeds.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<FacilityCategory> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
