package org.safecity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperationsMapPageTest {

    /**
     * The console may not depend on partners (ConsoleBoundaryTest), so the map page keeps its own list of the roles
     * {@code GET /api/v1/premises/map} admits, to ask for the premises layer only where it would be given; this keeps
     * the two the same.
     */
    @Test
    void the_map_asks_for_the_premises_layer_for_exactly_the_roles_the_premises_map_api_admits() {
        var admitted = Pattern.compile("'([A-Z_]+)'").matcher(org.safecity.partners.internal.Access.MAP).results()
            .map(role -> "ROLE_" + role.group(1)).collect(Collectors.toSet());

        assertThat(admitted).isNotEmpty();
        assertThat(OperationsMapPage.PREMISES_LAYER_ROLES).containsExactlyInAnyOrderElementsOf(admitted);
    }
}
