package vn.cadretraining.people.service;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import vn.cadretraining.people.entity.Cadre;

/** One line of the roster: the cadre and the titles they hold now (loaded for the whole page at once). */
public record RosterRow(Cadre cadre, List<String> titlesVi, List<String> titlesEn, boolean newlyElected)
        implements Serializable {

    // EL 5 (Jakarta EE 10) reads properties through getters only, not record accessors

    public Long getId() {
        return cadre.getId();
    }

    public Cadre getCadre() {
        return cadre;
    }

    /** The titles' names in the page's language. */
    public List<String> titles(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titlesEn : titlesVi;
    }

    public boolean isNewlyElected() {
        return newlyElected;
    }
}
