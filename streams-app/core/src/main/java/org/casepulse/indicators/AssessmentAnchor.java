package org.casepulse.indicators;

import java.util.Arrays;
import java.util.Optional;

/** Where assessment timeliness starts counting: the referral's receipt (default) or the assessment's start. */
public enum AssessmentAnchor {
    REFERRAL("referral"),
    ASSESSMENT_START("assessment-start");

    private final String yamlName;

    AssessmentAnchor(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in the catalogue file. */
    public String yamlName() {
        return yamlName;
    }

    static Optional<AssessmentAnchor> fromYamlName(String name) {
        return Arrays.stream(values()).filter(anchor -> anchor.yamlName.equals(name)).findFirst();
    }
}
