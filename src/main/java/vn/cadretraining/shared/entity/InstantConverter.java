package vn.cadretraining.shared.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores {@link Instant} in a TIMESTAMP column. EclipseLink 4.0 would otherwise serialise it into bytes.
 * The column holds the JVM's local time of the instant; conversion back gives the same instant as long as
 * the zone does not change, which {@code setup/run} fixes to Asia/Ho_Chi_Minh (no daylight saving).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
