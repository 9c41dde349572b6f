package org.safecity.traffic.internal.rules;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.detections.AnalyticTypes;
import org.springframework.stereotype.Component;

/** Tells the detections intake which analytic types traffic gives a meaning: the offences. */
@Component
class OffenceAnalyticTypes implements AnalyticTypes {

    @Override
    public Set<String> analyticTypes() {
        return Arrays.stream(OffenceAnalytic.values()).map(OffenceAnalytic::type).collect(Collectors.toUnmodifiableSet());
    }
}
