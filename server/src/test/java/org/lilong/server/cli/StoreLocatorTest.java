package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocatorTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/lilong?user=lilong&password=secret";
    private static final Path DEFAULT = Path.of("data");

    @Test
    void theStoreOptionNamesADatabase() {
        StoreLocator location = StoreLocator.choose(URL, null, DEFAULT, Map.of());

        assertThat(location.isDatabase()).isTrue();
        assertThat(location.jdbcUrl()).isEqualTo(URL);
        assertThat(location.describe()).isEqualTo("jdbc:postgresql://db.example:5432/lilong").doesNotContain("secret");
    }

    @Test
    void theEnvironmentNamesADatabaseWhenNoOptionDoes() {
        StoreLocator location = StoreLocator.choose(null, null, DEFAULT, Map.of("LILONG_STORE", URL));

        assertThat(location.jdbcUrl()).isEqualTo(URL);
    }

    @Test
    void optionsWinOverTheEnvironment() {
        Map<String, String> environment = Map.of("LILONG_STORE", URL);
        String other = "jdbc:postgresql://127.0.0.1:5432/other";

        assertThat(StoreLocator.choose(other, null, DEFAULT, environment).jdbcUrl()).isEqualTo(other);
        assertThat(StoreLocator.choose(null, Path.of("elsewhere"), DEFAULT, environment).dataDir()).isEqualTo(Path.of("elsewhere"));
    }

    @Test
    void withoutEitherTheGeoPackageOfTheDefaultDirectoryIsUsed() {
        StoreLocator location = StoreLocator.choose(null, null, DEFAULT, Map.of("LILONG_STORE", " "));

        assertThat(location.isDatabase()).isFalse();
        assertThat(location.describe()).isEqualTo(Path.of("data", "lilong.gpkg").toString());
    }

    @Test
    void bothOptionsAnotherKindOfUrlOrNothingWhereSomethingIsNeededAreMistakes() {
        assertThatThrownBy(() -> StoreLocator.choose(URL, Path.of("data"), DEFAULT, Map.of()))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> StoreLocator.choose("jdbc:mysql://db/lilong", null, DEFAULT, Map.of()))
                .hasMessageContaining("--store must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> StoreLocator.choose(null, null, DEFAULT, Map.of("LILONG_STORE", "postgres://db/lilong")))
                .hasMessageContaining("LILONG_STORE must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> StoreLocator.choose(null, null, null, Map.of()))
                .hasMessageContaining("--data").hasMessageContaining("--store");
    }
}
