package org.lilong.geodata.demo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hands out fictional telephone numbers, each at most once: public office lines in the style of
 * Huangpu's 021-63xx numbers, grid leaders' public service lines (021-6328xxxx) and managers'
 * mobile numbers from a block of placeholder numbers (139 0000 xxxx).
 */
final class ContactNumbers {

    private final SplittableRandom random;
    private final Set<String> issued = new HashSet<>();

    ContactNumbers(SplittableRandom random) {
        this.random = random;
    }

    /** A public office number such as 021-63251234. */
    String officeLine() {
        return unique("021-63", 6);
    }

    /** A grid leader's public service number such as 021-63281234. */
    String gridLeaderLine() {
        return unique("021-6328", 4);
    }

    /** A fictional internal mobile number such as 13900001234. */
    String mobile() {
        return unique("1390000", 4);
    }

    private String unique(String prefix, int digits) {
        int bound = (int) Math.pow(10, digits);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String number = prefix + String.format(Locale.ROOT, "%0" + digits + "d", random.nextInt(bound));
            if (issued.add(number)) {
                return number;
            }
        }
        throw new IllegalStateException("ran out of fictional numbers with prefix " + prefix);
    }
}
