package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * EclipseLink 4.0's own UUID conversion fails on a NULL column and goes through strings; this passes
 * {@link UUID}s to the JDBC driver as they are (H2 and PostgreSQL both take them) and keeps nulls null.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, UUID> {
    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
