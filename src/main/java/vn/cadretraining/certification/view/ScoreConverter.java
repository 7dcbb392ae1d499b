package vn.cadretraining.certification.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.cadretraining.shared.faces.Messages;

/**
 * An assessment score as typed: "7,5" (the Vietnamese decimal comma) or "7.5", at most two decimals; empty is no
 * score. An input bound to a map entry gets no converter from its type, so without this one the text itself
 * reached the map. The range (0 to 10) is the enrollment's rule, checked when the scores are saved.
 */
@FacesConverter("scoreConverter")
public class ScoreConverter implements Converter<BigDecimal> {

    /** Digits, then a comma or a point with one or two digits; no thousands separators, no sign but a minus. */
    private static final Pattern SCORE = Pattern.compile("-?\\d{1,5}([.,]\\d{1,2})?");

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        String typed = value == null ? "" : value.strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (!SCORE.matcher(typed).matches()) {
            Object label = component.getAttributes().get("label");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("result.error.scoreFormat", label == null ? "" : label, typed), null));
        }
        return new BigDecimal(typed.replace(',', '.'));
    }

    /** Without trailing zeros, with the decimal mark of the page's language: "7,5" in Vietnamese, "7.5" in English. */
    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        Locale locale = context.getViewRoot() == null ? null : context.getViewRoot().getLocale();
        return locale != null && "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
    }
}
