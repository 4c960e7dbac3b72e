package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSeedGivesByteIdenticalOutput() throws IOException {
        byte[] first = serialise(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED));
        byte[] second = serialise(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED));

        assertThat(first).hasSizeGreaterThan(100_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedGivesDifferentOutput() throws IOException {
        byte[] first = serialise(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED));
        byte[] other = serialise(DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED + 1));

        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void serialisationKeepsAtMostSevenDecimals() throws IOException {
        String text = new String(serialise(GeneratedDistricts.standard()), StandardCharsets.UTF_8);

        assertThat(text).doesNotContainPattern("\\d\\.\\d{8,}");
        assertThat(text).startsWith("{\"metadata\":{").contains("\"layers\":{\"grids\":{\"type\":\"FeatureCollection\"");
    }

    private static byte[] serialise(DemoDistrict district) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        district.writeGeoJson(out);
        return out.toByteArray();
    }
}
