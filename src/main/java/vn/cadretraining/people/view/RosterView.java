package vn.cadretraining.people.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.people.service.RosterRow;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.PagedModel;

/** The roster list: search and filters, paged and counted in the database. */
@Named
@ViewScoped
public class RosterView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CadreService cadres;

    @Inject
    ReferenceData reference;

    @Inject
    CurrentUser currentUser;

    private String text;
    private AdminUnit unit;
    private Long titleId;
    private boolean newlyElected;
    private String ethnicityCode;
    private Gender gender;
    private PagedModel<RosterRow> model;
    private boolean capped;
    private List<PositionTitle> titles;
    private List<Ethnicity> ethnicities;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> {
            RosterFilter filter = getFilter();
            long found = cadres.count(filter);
            // only a search by typed words stops at the cap; a whole roster is counted to the last cadre
            capped = CadreService.searches(filter) && found > CadreService.SEARCH_CAP;
            return capped ? CadreService.SEARCH_CAP : found;
        }, page -> cadres.search(getFilter(), page), RosterRow::getId);
        titles = reference.activeTitles();
        ethnicities = reference.ethnicities();
    }

    /** The search found more cadres than the page shows: it says so and asks for more words. */
    public boolean isCapped() {
        return capped;
    }

    public int getSearchCap() {
        return CadreService.SEARCH_CAP;
    }

    /** The filter as the page shows it; the service adds the caller's scope. */
    public RosterFilter getFilter() {
        return new RosterFilter(text, unit == null ? null : unit.getId(), titleId, newlyElected ? Boolean.TRUE : null,
                ethnicityCode, gender);
    }

    public void clear() {
        text = null;
        unit = null;
        titleId = null;
        newlyElected = false;
        ethnicityCode = null;
        gender = null;
    }

    /** Administrators and coordinators add and change cadres; province reviewers only read. */
    public boolean isEditor() {
        return currentUser.is(Role.ADMIN) || currentUser.is(Role.COORDINATOR);
    }

    public Gender[] getGenders() {
        return Gender.values();
    }

    public PagedModel<RosterRow> getModel() {
        return model;
    }

    public List<PositionTitle> getTitles() {
        return titles;
    }

    public List<Ethnicity> getEthnicities() {
        return ethnicities;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public void setUnit(AdminUnit unit) {
        this.unit = unit;
    }

    public Long getTitleId() {
        return titleId;
    }

    public void setTitleId(Long titleId) {
        this.titleId = titleId;
    }

    public boolean isNewlyElected() {
        return newlyElected;
    }

    public void setNewlyElected(boolean newlyElected) {
        this.newlyElected = newlyElected;
    }

    public String getEthnicityCode() {
        return ethnicityCode;
    }

    public void setEthnicityCode(String ethnicityCode) {
        this.ethnicityCode = ethnicityCode;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }
}
