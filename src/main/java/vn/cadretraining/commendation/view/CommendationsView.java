package vn.cadretraining.commendation.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import vn.cadretraining.commendation.entity.CommendationForm;
import vn.cadretraining.commendation.service.CommendationService;
import vn.cadretraining.commendation.service.CommendationService.Candidate;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The commendations page: the year's commendations counted under each unit below the reader's (the province's
 * communes, a commune's hamlets), and the candidates the records propose, each to commend (the cadre's
 * commendation form, prefilled) or to set aside for the year.
 */
@Named
@ViewScoped
public class CommendationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CommendationService commendations;

    private int year = VietnamTime.today().getYear();
    private Long unitId;
    private CommendationService.Counts counts;
    private PagedModel<Candidate> candidates;

    @PostConstruct
    void init() {
        candidates = new PagedModel<>(() -> commendations.candidateCount(unitId, year),
                page -> commendations.candidates(unitId, year, page), Candidate::cadreId);
    }

    /** Reads the page for its parameters: a unit of the table (a plain link, as the dashboards' drill-down). */
    public void open() {
        load();
    }

    /** A unit out of the reader's reach (a changed link) is not found: the application's 404 page. */
    private void load() {
        counts = commendations.counts(unitId, year);
    }

    /** Reads the page again for the chosen year or unit. */
    public void reload() {
        load();
    }

    public void defer(Candidate c) {
        Actions.change(() -> commendations.defer(c.cadreId(), year), "commendations.deferred", c.fullName(),
                String.valueOf(year));
    }

    /** The reasons as the page says them. */
    public String why(Candidate c) {
        return (c.petitionsResolved() ? "p" : "") + (c.fullAttendance() ? "a" : "");
    }

    public List<Integer> getYears() {
        int now = VietnamTime.today().getYear();
        return IntStream.rangeClosed(0, 5).mapToObj(n -> now - n).toList();
    }

    public CommendationForm[] getForms() {
        return CommendationForm.values();
    }

    public CommendationService.Counts getCounts() {
        return counts;
    }

    public PagedModel<Candidate> getCandidates() {
        return candidates;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }
}
