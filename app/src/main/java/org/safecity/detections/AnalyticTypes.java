package org.safecity.detections;

import java.util.Set;

/**
 * Analytic types another module gives a meaning to (traffic's offences, say). The intake accepts an
 * analytic detection whose type detections itself knows (public safety, counting) or one of these;
 * any other type is refused, so that a misspelt type never passes silently.
 */
public interface AnalyticTypes {

    Set<String> analyticTypes();
}
