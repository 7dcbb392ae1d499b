package vn.cadretraining.shared.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.text.NumberFormat;
import java.util.Locale;
import vn.cadretraining.shared.text.VndAmounts;

/**
 * An amount of đồng as typed ("12.500.000", "12,500,000", "12500000 đ"; see {@link VndAmounts}); empty is no
 * amount. Shown grouped the page language's way, which it also reads back.
 */
@FacesConverter("vndConverter")
public class VndConverter implements Converter<Long> {

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return VndAmounts.parse(value).orElse(null);
        } catch (IllegalArgumentException e) {
            Object label = component.getAttributes().get("label");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("general.error.vndFormat", label == null ? "" : label, value.strip()), null));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long value) {
        if (value == null) {
            return "";
        }
        Locale locale = context.getViewRoot() == null ? Locale.forLanguageTag("vi") : context.getViewRoot().getLocale();
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
