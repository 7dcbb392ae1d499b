package vn.cadretraining.catalog.view;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.service.ReferenceListService;

/**
 * A trainer in a form (the trainers of a class, of a session), by its id. {@code @Dependent} makes it a CDI
 * bean under annotated discovery, which {@code managed = true} needs for its injection.
 */
@Dependent
@FacesConverter(value = "trainerConverter", managed = true)
public class TrainerConverter implements Converter<Trainer> {

    @Inject
    ReferenceListService references;

    @Override
    public Trainer getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return references.findTrainer(Long.parseLong(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Trainer value) {
        return value == null || value.getId() == null ? "" : value.getId().toString();
    }
}
