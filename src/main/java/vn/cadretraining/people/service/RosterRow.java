package vn.cadretraining.people.service;

import java.io.Serializable;
import java.util.List;
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

    public List<String> getTitlesVi() {
        return titlesVi;
    }

    public List<String> getTitlesEn() {
        return titlesEn;
    }

    public boolean isNewlyElected() {
        return newlyElected;
    }
}
