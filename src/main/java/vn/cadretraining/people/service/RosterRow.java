package vn.cadretraining.people.service;

import java.io.Serializable;
import java.util.List;
import vn.cadretraining.people.entity.Cadre;

/** One line of the roster: the cadre and the titles they hold now (loaded for the whole page at once). */
public record RosterRow(Cadre cadre, List<String> titlesVi, List<String> titlesEn, boolean newlyElected)
        implements Serializable {

    public Long getId() {
        return cadre.getId();
    }
}
