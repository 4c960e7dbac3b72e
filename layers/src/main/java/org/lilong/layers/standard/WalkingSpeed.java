package org.lilong.layers.standard;

/**
 * A walking speed a query may choose: a named preset of the profile (adult, elderly) or a number.
 *
 * @param id the preset's name, or "custom"
 * @param metresPerSecond between {@link #MIN_METRES_PER_SECOND} and {@link #MAX_METRES_PER_SECOND}
 */
public record WalkingSpeed(String id, String nameZh, String nameEn, double metresPerSecond) {

    /** Slower than this is not a walk anyone plans for (a tenth of a slow shuffle). */
    public static final double MIN_METRES_PER_SECOND = 0.1;
    /** Faster than this is running, not walking. */
    public static final double MAX_METRES_PER_SECOND = 3.0;

    /** @throws IllegalArgumentException when the speed is outside the plausible range */
    public WalkingSpeed {
        if (!(metresPerSecond >= MIN_METRES_PER_SECOND && metresPerSecond <= MAX_METRES_PER_SECOND)) {
            throw new IllegalArgumentException("walking speed " + metresPerSecond + " m/s is outside "
                    + MIN_METRES_PER_SECOND + "–" + MAX_METRES_PER_SECOND + " m/s");
        }
    }

    /** A speed given as a number rather than a preset. */
    public static WalkingSpeed custom(double metresPerSecond) {
        return new WalkingSpeed("custom", "自定义", "Custom", metresPerSecond);
    }

    /** The distance walked in the given minutes. */
    public double metresIn(double minutes) {
        return minutes * 60 * metresPerSecond;
    }

    /** The minutes it takes to walk the given distance. */
    public double minutesFor(double metres) {
        return metres / metresPerSecond / 60;
    }
}
