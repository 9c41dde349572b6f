package org.safecity.registry.internal.rollout;

import java.time.LocalDate;
import java.util.List;

/**
 * A rollout phase. Figures that were not announced are null, never zero.
 *
 * @param cityCodes the cities the phase covers, in the order announced
 */
public record Phase(int number, String name, List<String> cityCodes, Integer plannedSites, Integer plannedCameras,
             Long budgetPkr, Integer durationMonths, LocalDate startDate, String notes) {

    /** The start plus the announced duration; null when either is unknown. */
    LocalDate deadline() {
        return startDate == null || durationMonths == null ? null : startDate.plusMonths(durationMonths);
    }

    public boolean covers(String cityCode) {
        return cityCodes.contains(cityCode);
    }
}
