package vn.cadretraining.org.view;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitService;

/**
 * An administrative unit in a form, by its id. {@code @Dependent} makes it a CDI bean under annotated
 * discovery, which {@code managed = true} needs for its injection.
 */
@Dependent
@FacesConverter(value = "adminUnitConverter", managed = true)
public class AdminUnitConverter implements Converter<AdminUnit> {

    @Inject
    UnitService units;

    @Override
    public AdminUnit getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return units.find(Long.parseLong(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, AdminUnit unit) {
        return unit == null || unit.getId() == null ? "" : unit.getId().toString();
    }
}
