package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.server.SmallDistrict;

class WhereRoutesTest extends ServerTestSupport {

    @Test
    void aPointInsideGetsItsWholeGridChainTopDownWithLeaders() {
        JsonNode where = get("/where?lon=" + SmallDistrict.INSIDE_BUILDING_GROUP_LON + "&lat=" + SmallDistrict.INSIDE_BUILDING_GROUP_LAT).json();
        assertThat(where.get("inside").asBoolean()).isTrue();
        List<String> levels = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        where.get("grids").forEach(g -> {
            levels.add(g.get("level").asText());
            codes.add(g.get("code").asText());
        });
        assertThat(levels).containsExactly("subdistrict", "comprehensive", "residential", "micro", "building-group");
        assertThat(codes).containsExactly("LL", "LL-02", "LL-02-01", "LL-02-01-1", "LL-02-01-1-01");
        assertThat(where.at("/grids/4/leaderPhone").asText()).isEqualTo("021-63280007");
        assertThat(where.at("/grids/0/levelZh").asText()).isEqualTo("街道");
        assertThat(where.at("/residentialArea/name").asText()).isEqualTo("金坛居民区");
        assertThat(where.at("/subdistrict/code").asText()).isEqualTo("310101999");
    }

    @Test
    void aPointOutsideTheDistrictSaysSo() {
        JsonNode where = get("/where?lon=120&lat=30").json();
        assertThat(where.get("inside").asBoolean()).isFalse();
        assertThat(where.get("grids")).isEmpty();
        assertThat(where.get("residentialArea").isNull()).isTrue();
    }

    @Test
    void theLookUpNeverRevealsInternalAttributes() {
        String body = get("/where?lon=121.4925&lat=31.2375").body();
        assertThat(body).doesNotContain("households", "1300");
    }
}
