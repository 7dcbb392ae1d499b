package vn.cadretraining.catalog.view;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.service.CourseService;

/**
 * A course in a form (a prerequisite, the course of a new class), by its id. {@code @Dependent} makes it a CDI
 * bean under annotated discovery, which {@code managed = true} needs for its injection.
 */
@Dependent
@FacesConverter(value = "courseConverter", managed = true)
public class CourseConverter implements Converter<Course> {

    @Inject
    CourseService courses;

    @Override
    public Course getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return courses.find(Long.parseLong(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Course value) {
        return value == null || value.getId() == null ? "" : value.getId().toString();
    }
}
