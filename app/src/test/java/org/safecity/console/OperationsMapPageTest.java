package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safecity.IntegrationTest;
import org.safecity.identity.Role;

class OperationsMapPageTest extends IntegrationTest {

    private static final Pattern PREMISES_ATTRIBUTE = Pattern.compile("data-premises=\"(true|false)\"");

    /**
     * The console may not depend on partners (ConsoleBoundaryTest), so the map page keeps its own list of the roles
     * {@code GET /api/v1/premises/map} admits, to ask for the premises layer only where it would be given. Asked of the
     * running application, role by role: a role added to either side alone fails here.
     */
    @Test
    void the_map_asks_for_the_premises_layer_for_exactly_the_roles_the_premises_map_api_admits() {
        int mapsOpened = 0;
        for (var role : Arrays.stream(Role.values()).filter(r -> r != Role.DEVICE).toList()) {
            var page = ConsoleSession.newAccount(port, admin(), role).get("/map");
            if (page.status() != 200) {
                continue; // a role the map is not for
            }
            mapsOpened++;
            int premises = as(role).get("/api/v1/premises/map").status();

            assertThat(premises).as(role.name()).isIn(200, 403);
            var asks = PREMISES_ATTRIBUTE.matcher(page.body());
            assertThat(asks.find()).as("the map page's data-premises").isTrue();
            assertThat(asks.group(1)).as("%s: the map asks for premises; the API answers %d", role, premises)
                .isEqualTo(String.valueOf(premises == 200));
        }
        assertThat(mapsOpened).as("roles that open the map").isGreaterThanOrEqualTo(5);
    }
}
