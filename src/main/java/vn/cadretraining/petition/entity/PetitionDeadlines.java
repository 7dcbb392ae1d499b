package vn.cadretraining.petition.entity;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Days allowed to answer a petition, per field, counted from its receipt (or from its transfer to the province).
 * The defaults follow the usual practice of communes: 30 days where a site visit or a land record is needed, 15
 * for the rest, 10 for security and order. A province sets its own with the environment variable
 * {@code PETITION_DEADLINE_DAYS}, e.g. {@code LAND=45,ENVIRONMENT=20}; fields it leaves out keep the default.
 */
public final class PetitionDeadlines {

    public static final String VARIABLE = "PETITION_DEADLINE_DAYS";

    private static final Map<PetitionField, Integer> DEFAULTS = Map.of(PetitionField.LAND, 30,
            PetitionField.ENVIRONMENT, 15, PetitionField.INFRASTRUCTURE, 30, PetitionField.SOCIAL_POLICY, 15,
            PetitionField.SECURITY_ORDER, 10, PetitionField.OTHER, 15);

    private final Map<PetitionField, Integer> days;

    private PetitionDeadlines(Map<PetitionField, Integer> days) {
        this.days = days;
    }

    /** The defaults, changed by the environment variable when set. */
    public static PetitionDeadlines fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /**
     * The defaults, changed by a setting "FIELD=days,…". A part that is not a known field with 1 to 365 days is
     * ignored (a typo in a setting must not stop the server), the field keeping its default.
     */
    public static PetitionDeadlines parse(String setting) {
        Map<PetitionField, Integer> days = new EnumMap<>(DEFAULTS);
        if (setting != null) {
            for (String part : setting.split(",")) {
                String[] kv = part.split("=");
                if (kv.length != 2) {
                    continue;
                }
                try {
                    PetitionField field = PetitionField.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
                    int n = Integer.parseInt(kv[1].strip());
                    if (n >= 1 && n <= 365) {
                        days.put(field, n);
                    }
                } catch (IllegalArgumentException e) {
                    // unknown field or not a number: the default stays
                }
            }
        }
        return new PetitionDeadlines(days);
    }

    public int daysFor(PetitionField field) {
        return days.get(field);
    }
}
