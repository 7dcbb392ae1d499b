package vn.cadretraining.catalog.view;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.service.ReferenceListService;

/**
 * A venue or connection point in a form, by its id. {@code @Dependent} makes it a CDI
 * bean under annotated discovery, which {@code managed = true} needs for its injection.
 */
@Dependent
@FacesConverter(value = "venueConverter", managed = true)
public class VenueConverter implements Converter<Venue> {

    @Inject
    ReferenceListService references;

    @Override
    public Venue getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return references.findVenue(Long.parseLong(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Venue value) {
        return value == null || value.getId() == null ? "" : value.getId().toString();
    }
}
