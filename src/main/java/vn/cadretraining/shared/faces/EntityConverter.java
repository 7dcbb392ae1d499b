package vn.cadretraining.shared.faces;

import jakarta.el.ELContext;
import jakarta.el.ValueExpression;
import jakarta.el.ValueReference;
import jakarta.enterprise.context.Dependent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import java.util.Collection;
import org.primefaces.el.ValueExpressionAnalyzer;
import org.primefaces.util.LangUtils;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.service.EntityFinder;

/**
 * Any entity in a form (a picked course, trainer, venue, unit...), written as its id. The entity's type is that
 * of the property the input is bound to (its element type for a list), so one converter serves every picker and
 * a tampered id can only name an entity of that type. {@code @Dependent} makes it a CDI bean, which
 * {@code managed = true} needs for its injection.
 */
@Dependent
@FacesConverter(value = "entityConverter", managed = true)
public class EntityConverter implements Converter<BaseEntity> {

    @Inject
    EntityFinder finder;

    @Override
    public BaseEntity getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return finder.find(entityType(context, component), Long.parseLong(value)).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BaseEntity value) {
        return value == null || value.getId() == null ? "" : value.getId().toString();
    }

    /** The entity type the input's value holds: the property's type, or a collection's element type. */
    static Class<? extends BaseEntity> entityType(FacesContext context, UIComponent component) {
        ValueExpression expression = component.getValueExpression("value");
        ELContext el = context.getELContext();
        Class<?> type = expression.getType(el);
        if (type != null && Collection.class.isAssignableFrom(type)) {
            ValueReference reference = ValueExpressionAnalyzer.getReference(el, expression);
            type = LangUtils.getTypeFromCollectionProperty(reference.getBase(), reference.getProperty().toString());
        }
        if (type == null || !BaseEntity.class.isAssignableFrom(type)) {
            throw new IllegalStateException("entityConverter on a value that holds no entity: "
                    + expression.getExpressionString());
        }
        return type.asSubclass(BaseEntity.class);
    }
}
